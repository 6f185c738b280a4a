import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { oauthCallbackErrorRedirect } from '@/lib/auth/oauth-errors';

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (req: NextRequest, ctx: Ctx) => Promise<Response>;

// GET /api/auth/* — next-auth (session, providers, csrf, OAuth callback)
export async function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  // next-auth reports a provider's `?error=` (e.g. the person cancelled
  // consent) as a generic "Callback" error; say precisely what happened.
  const target = oauthCallbackErrorRedirect(req.nextUrl);
  if (target) return NextResponse.redirect(new URL(target, req.nextUrl.origin));
  return handler(req, ctx);
}

// POST /api/auth/* — next-auth (sign-in, sign-out, credentials callback)
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  return handler(req, ctx);
}
