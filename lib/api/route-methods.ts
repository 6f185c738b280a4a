/**
 * The methods each API route exports, for the 405 answer's `Allow` header
 * (lib/api/method-guard.ts answers before Next.js, which cannot represent
 * TRACE at all). route-methods.test.ts reads app/api and fails when this
 * table and the route files disagree — add a route here when you add one.
 */
export const API_ROUTE_METHODS: Readonly<Record<string, readonly string[]>> = {
  '/api/account': ['DELETE', 'GET'],
  '/api/account/context': ['POST'],
  '/api/account/export': ['GET'],
  '/api/account/sign-out-everywhere': ['POST'],
  '/api/admin/analytics/rollup': ['POST'],
  '/api/admin/analytics': ['GET'],
  '/api/admin/audit-logs': ['GET'],
  '/api/admin/jobs/[id]/refund': ['POST'],
  '/api/admin/jobs/[id]/retry': ['POST'],
  '/api/admin/jobs/[id]': ['GET'],
  '/api/admin/jobs': ['GET'],
  '/api/admin/organizations/[id]/credits': ['POST'],
  '/api/admin/organizations/[id]/suspend': ['POST'],
  '/api/admin/organizations/[id]/unsuspend': ['POST'],
  '/api/admin/organizations/[id]': ['GET'],
  '/api/admin/organizations': ['GET'],
  '/api/admin/payments/[id]/refund': ['POST'],
  '/api/admin/payments/[id]': ['GET'],
  '/api/admin/payments': ['GET'],
  '/api/admin/prompts/[type]/activate': ['POST'],
  '/api/admin/prompts/[type]/diff': ['GET'],
  '/api/admin/prompts/[type]/preview': ['GET'],
  '/api/admin/prompts/[type]': ['GET', 'POST'],
  '/api/admin/prompts': ['GET'],
  '/api/admin/reconcile': ['GET', 'POST'],
  '/api/admin/support/[id]': ['PATCH'],
  '/api/admin/users/[id]/credits': ['GET', 'POST'],
  '/api/admin/users/[id]/role': ['POST'],
  '/api/admin/users/[id]': ['GET'],
  '/api/admin/users/[id]/suspend': ['POST'],
  '/api/admin/users/[id]/unsuspend': ['POST'],
  '/api/admin/users': ['GET'],
  '/api/assets/[id]': ['GET'],
  '/api/auth/[...nextauth]': ['GET', 'POST'],
  '/api/billing/test-checkout/[sessionId]': ['POST'],
  '/api/health': ['GET'],
  '/api/inngest': ['GET', 'POST', 'PUT'],
  '/api/invites/accept': ['POST'],
  '/api/metrics': ['GET'],
  '/api/orgs/[id]/invites/[inviteId]': ['DELETE'],
  '/api/orgs/[id]/invites': ['GET', 'POST'],
  '/api/orgs/[id]/members/[userId]': ['DELETE', 'PATCH'],
  '/api/orgs/[id]/members': ['GET'],
  '/api/orgs/[id]': ['GET', 'PATCH'],
  '/api/orgs': ['GET', 'POST'],
  '/api/orgs/[id]/dashboard/export': ['GET'],
  '/api/photos/[id]': ['DELETE'],
  '/api/photos': ['GET', 'POST'],
  '/api/ready': ['GET'],
  '/api/support': ['POST'],
  '/api/v1/api-keys/[id]/regenerate': ['POST'],
  '/api/v1/api-keys/[id]': ['DELETE', 'PATCH'],
  '/api/v1/api-keys': ['GET', 'POST'],
  '/api/v1/billing/checkout/[sessionId]': ['GET'],
  '/api/v1/billing/checkout': ['POST'],
  '/api/v1/billing/payments': ['GET'],
  '/api/v1/credits': ['GET'],
  '/api/v1/credits/transactions': ['GET'],
  '/api/v1/openapi.json': ['GET'],
  '/api/v1/products/[id]': ['DELETE', 'GET', 'PATCH'],
  '/api/v1/products/import': ['POST'],
  '/api/v1/products': ['GET', 'POST'],
  '/api/v1/spend-cap': ['GET', 'PATCH'],
  '/api/v1/tryon/[id]/image': ['GET'],
  '/api/v1/tryon/[id]/report': ['POST'],
  '/api/v1/tryon/[id]': ['DELETE', 'GET', 'PATCH'],
  '/api/v1/tryon': ['GET', 'POST'],
  '/api/v1/webhooks/[id]/deliveries/[deliveryId]/retry': ['POST'],
  '/api/v1/webhooks/[id]/deliveries': ['GET'],
  '/api/v1/webhooks/[id]/rotate-secret': ['POST'],
  '/api/v1/webhooks/[id]': ['DELETE', 'GET', 'PATCH'],
  '/api/v1/webhooks/[id]/test': ['POST'],
  '/api/v1/webhooks': ['GET', 'POST'],
  '/api/webhooks/stripe': ['POST'],
  '/api/widget/frame-policy': ['GET'],
  '/api/widget/tryon/[id]/image': ['GET'],
  '/api/widget/tryon/[id]': ['GET'],
  '/api/widget/tryon': ['POST'],
  '/api/widget/events': ['POST'],
};

interface CompiledRoute {
  segments: string[];
  methods: string[];
}

/** Next.js implements HEAD (from GET) and OPTIONS for every route handler. */
function withAutomatic(methods: readonly string[]): string[] {
  const all = new Set(methods);
  if (all.has('GET')) all.add('HEAD');
  all.add('OPTIONS');
  return [...all].sort();
}

const ROUTES: CompiledRoute[] = Object.entries(API_ROUTE_METHODS).map(([path, methods]) => ({
  segments: path.split('/').filter(Boolean),
  methods: withAutomatic(methods),
}));

/** Static segments outrank `[param]`, which outranks `[...catchAll]` — as Next.js routes them. */
function score(route: CompiledRoute, parts: string[]): number {
  let total = 0;
  for (let i = 0; i < route.segments.length; i += 1) {
    const seg = route.segments[i] ?? '';
    if (seg.startsWith('[...')) {
      return i === route.segments.length - 1 && parts.length > i ? total + 1 : -1;
    }
    const part = parts[i];
    if (part === undefined) return -1;
    if (seg.startsWith('[')) total += 2;
    else if (seg === part) total += 3;
    else return -1;
  }
  return route.segments.length === parts.length ? total : -1;
}

/** The methods an API path answers (sorted, HEAD and OPTIONS included), or null when no route matches. */
export function allowedMethods(pathname: string): string[] | null {
  const parts = pathname.split('/').filter(Boolean);
  let best: CompiledRoute | null = null;
  let bestScore = -1;
  for (const route of ROUTES) {
    const s = score(route, parts);
    if (s > bestScore) {
      best = route;
      bestScore = s;
    }
  }
  return best ? best.methods : null;
}
