import { getToken, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { User, type UserDoc } from '@/models';
import type { Role } from '@/models/user';
import { connectDb } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { verifyApiKeyOrThrow } from '@/lib/apikeys';
import { isAdminRole } from './roles';

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

/**
 * The token only says who signed in. Role, status and session version are
 * read from the database on every request, so a demotion, suspension or
 * "sign out everywhere" takes effect at once.
 */
async function userFromToken(token: JWT | null): Promise<UserDoc | null> {
  if (!token?.uid) return null;
  await connectDb();
  const user = (await User.findById(token.uid).lean()) as UserDoc | null;
  if (!user || user.status === 'deleted') return null;
  if ((token.sv ?? 0) !== (user.sessionVersion ?? 0)) return null;
  if (user.status === 'suspended') throw new AppError('account_suspended', 'This account is suspended. Contact support.');
  return user;
}

/** Resolves the caller of an API request: `x-api-key` first, then the session cookie. */
export async function resolveCaller(req: Request): Promise<Caller | null> {
  const key = req.headers.get('x-api-key');
  if (key !== null) {
    const { user, apiKeyId } = await verifyApiKeyOrThrow(key.trim());
    if (user.status === 'suspended') throw new AppError('account_suspended', 'This account is suspended. Contact support.');
    return toCaller(user as UserDoc, 'api_key', apiKeyId);
  }
  const token = await getToken({ req: req as never, secret: authSecret });
  const user = await userFromToken(token);
  return user ? toCaller(user, 'session') : null;
}

/** For server components and actions: the signed-in person, or null. */
export async function getSessionUser(): Promise<Caller | null> {
  const jar = await cookies();
  const token = await getToken({ req: { cookies: jar, headers: {} } as never, secret: authSecret });
  try {
    const user = await userFromToken(token);
    return user ? toCaller(user, 'session') : null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'account_suspended') return null;
    throw err;
  }
}

/**
 * For pages: the signed-in person or a redirect to sign-in (with a return
 * URL); with `admin`, a non-admin gets a 403 page instead.
 */
export async function requirePageUser(opts: { returnTo: string; roles?: readonly Role[] }): Promise<Caller> {
  const caller = await getSessionUser();
  if (!caller) redirect(`/signin?callbackUrl=${encodeURIComponent(opts.returnTo)}`);
  if (opts.roles && !opts.roles.includes(caller.role)) redirect('/forbidden');
  return caller;
}

export async function requireAdminPage(returnTo: string): Promise<Caller> {
  const caller = await requirePageUser({ returnTo });
  if (!isAdminRole(caller.role)) redirect('/forbidden');
  return caller;
}
