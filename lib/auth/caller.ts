import { getToken, type JWT } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { User, type UserDoc } from '@/models';
import type { Role } from '@/models/user';
import { authSecret, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { verifyApiKeyOrThrow } from '@/lib/apikeys';
import { can, isAdminRole, type Permission } from './roles';

export interface Caller {
  userId: string;
  email: string;
  name?: string;
  role: Role;
  via: 'session' | 'api_key';
  apiKeyId?: string;
}

function toCaller(user: UserDoc, via: Caller['via'], apiKeyId?: string): Caller {
  return {
    userId: user._id.toString(),
    email: user.email,
    ...(user.name ? { name: user.name } : {}),
    role: user.role,
    via,
    ...(apiKeyId ? { apiKeyId } : {}),
  };
}

export const accountSuspended = () =>
  new AppError(
    'account_suspended',
    `This account is suspended. Contact support: ${new URL('/support', env.APP_URL).href}`,
  );

type TokenState = { kind: 'none' } | { kind: 'suspended' } | { kind: 'user'; user: UserDoc };

/**
 * The token only says who signed in. Role, status and session version are
 * read from the database on every request, so a demotion, suspension or
 * "sign out everywhere" takes effect on the next request, not at token expiry.
 * Suspension is checked before the session version: a suspended person gets
 * `account_suspended` even with a token that suspension itself revoked.
 */
async function userFromToken(token: JWT | null): Promise<TokenState> {
  if (!token?.uid || !/^[0-9a-f]{24}$/i.test(token.uid)) return { kind: 'none' };
  const user = await User.findById(token.uid).lean<UserDoc>();
  if (!user || user.status === 'deleted') return { kind: 'none' };
  if (user.status === 'suspended') return { kind: 'suspended' };
  if ((token.sv ?? 0) !== (user.sessionVersion ?? 0)) return { kind: 'none' };
  return { kind: 'user', user };
}

/** Resolves the caller of an API request: `x-api-key` first, then the session cookie. */
export async function resolveCaller(req: Request): Promise<Caller | null> {
  const key = req.headers.get('x-api-key');
  if (key !== null) {
    const { user, apiKeyId } = await verifyApiKeyOrThrow(key.trim());
    if (user.status === 'suspended') throw accountSuspended();
    return toCaller(user as UserDoc, 'api_key', apiKeyId);
  }
  const token = await getToken({ req: req as never, secret: authSecret() });
  const state = await userFromToken(token);
  if (state.kind === 'suspended') throw accountSuspended();
  return state.kind === 'user' ? toCaller(state.user, 'session') : null;
}

/**
 * The session of the page being rendered, read once per request: React.cache
 * keeps the answer for the rest of the render, so a layout and its page (and
 * any component that asks) share one user read. Outside a render (route
 * handlers, actions) every call reads afresh.
 */
const pageSession = cache(async (): Promise<TokenState> => {
  const jar = await cookies();
  const token = await getToken({
    req: { cookies: jar, headers: {} } as never,
    secret: authSecret(),
  });
  return userFromToken(token);
});

/** For server components and actions: the signed-in person, or null. */
export async function getSessionUser(): Promise<Caller | null> {
  const state = await pageSession();
  return state.kind === 'user' ? toCaller(state.user, 'session') : null;
}

/**
 * Where to come back to after signing in: the path middleware saw (a layout
 * does not know which page is being rendered), else the caller's default.
 * Only a same-site path is taken; the sign-in page checks it again.
 */
async function returnPath(fallback: string): Promise<string> {
  const seen = (await headers()).get('x-trailroom-return-to');
  return seen && seen.startsWith('/') && !seen.startsWith('//') ? seen : fallback;
}

/**
 * For pages: the signed-in person, or a redirect to sign-in (with a return
 * URL, or the suspension notice); with `roles`, anyone else gets the 403 page.
 */
export async function requirePageUser(opts: {
  returnTo: string;
  roles?: readonly Role[];
}): Promise<Caller> {
  const state = await pageSession();
  if (state.kind === 'suspended') redirect('/signin?error=suspended');
  if (state.kind === 'none')
    redirect(`/signin?callbackUrl=${encodeURIComponent(await returnPath(opts.returnTo))}`);
  const caller = toCaller(state.user, 'session');
  if (opts.roles && !opts.roles.includes(caller.role)) redirect('/forbidden');
  return caller;
}

/** For admin pages: any admin role, and the given permission when one is named. */
export async function requireAdminPage(returnTo: string, permission?: Permission): Promise<Caller> {
  const caller = await requirePageUser({ returnTo });
  if (!isAdminRole(caller.role)) redirect('/forbidden');
  if (permission && !can(caller.role, permission)) redirect('/forbidden');
  return caller;
}
