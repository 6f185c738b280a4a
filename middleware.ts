import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { sameOriginPath } from '@/lib/auth/safe-callback-url';
import {
  createNonce,
  NONCE_HEADER,
  pageContentSecurityPolicy,
  staticPageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from '@/lib/security/security-headers';
import { staticPageScriptHashes } from '@/lib/security/static-page-hashes';
import { widgetFrameAncestors } from '@/lib/security/widget-frame-policy';

const RETURN_TO_HEADER = 'x-trailroom-return-to';

/** The signed-in areas: anyone without a session is sent to sign in first. */
const PROTECTED_AREAS = [
  '/studio',
  '/history',
  '/credits',
  '/billing',
  '/account',
  '/developers',
  '/admin',
  '/org',
  '/invite',
] as const;

function isProtected(pathname: string): boolean {
  return PROTECTED_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

/**
 * Every page request: its Content-Security-Policy — for a page the production
 * build prerendered (the marketing pages, sign-in), the policy with that
 * page's inline-script hashes; for every other page a fresh nonce (on the
 * request, where Next reads it for its own scripts, and on the response) —,
 * HSTS in an https production, and
 * for the signed-in areas and /admin redirect-or-continue from the session
 * token, without touching the database. It never decides on roles: the
 * token's role can be stale (a promotion or demotion since sign-in), so pages,
 * route handlers and actions check the caller again with the current role and
 * status from the database.
 */
export async function middleware(req: NextRequest) {
  // Middleware is bundled apart from the app and must not start lib/env's
  // checks: these four are read here. No secret means no session can be verified: treated as signed out
  // (lib/env refuses to start production without one; the dev launcher makes one).
  // eslint-disable-next-line no-restricted-properties
  const secret = process.env.NEXTAUTH_SECRET;
  // eslint-disable-next-line no-restricted-properties
  const production = process.env.NODE_ENV === 'production';
  // eslint-disable-next-line no-restricted-properties
  const https = process.env.APP_URL?.startsWith('https://') ?? false;
  // eslint-disable-next-line no-restricted-properties
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  const { pathname, search } = req.nextUrl;

  if (isProtected(pathname)) {
    const token = secret ? await getToken({ req, secret }) : null;
    if (!token?.uid) {
      const url = req.nextUrl.clone();
      url.pathname = '/signin';
      const back = sameOriginPath(pathname + search, req.nextUrl.origin) ?? '/';
      url.search = `?callbackUrl=${encodeURIComponent(back)}`;
      const res = NextResponse.redirect(url);
      if (production && https)
        res.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
      return res;
    }
  }

  const hashes = production ? staticPageScriptHashes(distDir, pathname) : null;
  const headers = new Headers(req.headers);
  // The storefront widget's dialog may be framed by its key's allowed shop origins only.
  const frameAncestors = pathname.startsWith('/embed/')
    ? await widgetFrameAncestors(req.nextUrl.searchParams.get('key'), req.nextUrl.origin)
    : undefined;
  let csp: string;
  if (hashes) {
    csp = staticPageContentSecurityPolicy({ scriptHashes: hashes, https: production && https });
    headers.delete(NONCE_HEADER);
  } else {
    const nonce = createNonce();
    csp = pageContentSecurityPolicy({
      nonce,
      dev: !production,
      https: production && https,
      frameAncestors,
    });
    headers.set(NONCE_HEADER, nonce);
  }
  headers.set('content-security-policy', csp);
  // Only this middleware says where a signed-in person was going (see lib/auth/caller).
  headers.delete(RETURN_TO_HEADER);
  if (isProtected(pathname)) headers.set(RETURN_TO_HEADER, pathname + search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  if (production && https) res.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return res;
}

export const config = {
  // Node.js, not edge: a static page's hashes are read from the build's files.
  runtime: 'nodejs',
  // Every page; not API routes, build assets or icons, which get a static
  // policy from next.config.ts.
  matcher: [
    '/((?!api|_next/static|_next/image|favicon\\.ico|icon\\.svg|apple-icon\\.png|robots\\.txt|sitemap\\.xml|manifest\\.webmanifest|opengraph-image|icons/|examples/|samples/).*)',
  ],
};
