import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

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
  if (token?.uid) return NextResponse.next();
  const { pathname, search } = req.nextUrl;
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
