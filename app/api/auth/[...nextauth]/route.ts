import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { friendlyAuthRedirect } from '@/lib/auth/friendly-auth-redirect';
import { env } from '@/lib/env';

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (req: NextRequest, ctx: Ctx) => Promise<Response>;

// GET /api/auth/* — next-auth (session, providers, csrf, OAuth callback)
export async function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  // A cancelled consent or an expired CSRF token: say precisely what
  // happened on the sign-in page (lib/auth/friendly-auth-redirect.ts).
  const target = friendlyAuthRedirect(req.nextUrl);
  if (target) return NextResponse.redirect(new URL(target, env.NEXTAUTH_URL ?? env.APP_URL));
  return handler(req, ctx);
}

// POST /api/auth/* — next-auth (sign-in, sign-out, credentials callback)
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  return handler(req, ctx);
}
