import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

const RETURN_TO_HEADER = 'x-trailroom-return-to';

/**
 * Route protection only: redirect-or-continue for the signed-in areas and
 * /admin, from the session token, without touching the database. It never
 * decides on roles: the token's role can be stale (a promotion or demotion
 * since sign-in), so pages, route handlers and actions check the caller
 * again with the current role and status from the database.
 */
export async function middleware(req: NextRequest) {
  const token = await getToken({
    req,
    // Edge middleware cannot import lib/env (Node-only modules); the same
    // fallback secret as lib/env is used outside production.
    // eslint-disable-next-line no-restricted-properties
    secret: process.env.NEXTAUTH_SECRET ?? 'trailroom-development-secret-not-for-production-use',
  });
  const { pathname, search } = req.nextUrl;
  if (token?.uid) {
    // Tell the server-side checks where the person was going, so a session
    // they find revoked sends them back here after signing in again.
    const headers = new Headers(req.headers);
    headers.set(RETURN_TO_HEADER, pathname + search);
    return NextResponse.next({ request: { headers } });
  }
  const url = req.nextUrl.clone();
  url.pathname = '/signin';
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
    '/studio/:path*',
    '/history/:path*',
    '/credits/:path*',
    '/billing/:path*',
    '/account/:path*',
    '/developers/:path*',
    '/admin/:path*',
  ],
};
