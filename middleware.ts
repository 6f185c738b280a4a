import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Route protection only: decides redirect-or-continue for an area from the
 * session token, without touching the database. Pages, route handlers and
 * actions check the caller again with the current role and status.
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
  if (!token?.uid) {
    const url = req.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  if (pathname.startsWith('/admin') && (!token.role || token.role === 'user')) {
    const url = req.nextUrl.clone();
    url.pathname = '/forbidden';
    url.search = '';
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
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
