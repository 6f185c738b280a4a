/**
 * Middleware-safe (no database, no lib/env): the shop origins that may frame
 * the widget dialog for a publishable key, asked of this app's own
 * GET /api/widget/frame-policy and kept for a short while per key. Anything
 * unexpected (no key, a failed lookup, a malformed answer) means nobody may
 * frame it: the policy fails closed.
 */
const TTL_MS = 30_000;
const NEGATIVE_TTL_MS = 10_000;
const MAX_ENTRIES = 1000;
const LOOKUP_TIMEOUT_MS = 3000;
const KEY_PATTERN = /^pk_live_[0-9A-Za-z]{32}$/;
/** What may appear in a CSP source list: a bare origin, nothing that could end the directive. */
const ORIGIN_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

const g = globalThis as typeof globalThis & {
  __trailroomFramePolicy?: Map<string, { origins: string[]; expires: number }>;
};
const cache = (g.__trailroomFramePolicy ??= new Map());

export async function widgetFrameAncestors(
  key: string | null,
  appOrigin: string,
  now: number = Date.now(),
): Promise<string[]> {
  if (!key || !KEY_PATTERN.test(key)) return [];
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.origins;
  let origins: string[] = [];
  try {
    const url = new URL('/api/widget/frame-policy', appOrigin);
    url.searchParams.set('key', key);
    const res = await fetch(url, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    if (res.ok) {
      const body = (await res.json()) as { origins?: unknown };
      if (Array.isArray(body.origins))
        origins = body.origins.filter(
          (o): o is string => typeof o === 'string' && ORIGIN_PATTERN.test(o),
        );
    }
  } catch {
    origins = [];
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { origins, expires: now + (origins.length ? TTL_MS : NEGATIVE_TTL_MS) });
  return origins;
}
