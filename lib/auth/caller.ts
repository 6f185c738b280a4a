import { getToken, type JWT } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { User, type UserDoc } from '@/models';
import type { Role } from '@/models/user';
import { authSecret, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { verifyApiKeyOrThrow } from '@/lib/apikeys';
import { assertKeyUsableFrom } from '@/lib/apikeys/assert-key-usable-from';
import {
  ACCOUNT_COOKIE,
  accountCookieFrom,
  organizationSuspended,
  resolveAccountContext,
  type OrgAccount,
} from '@/lib/orgs/account-context';
import { can, isAdminRole, type Permission } from './roles';

/** The account a request acts for: the person's own, or an organisation they belong to. */
export type CallerAccount = { type: 'user' } | OrgAccount;

export interface Caller {
  /** The person (photos, support, their account, audit actor, rate limits). */
  userId: string;
  email: string;
  name?: string;
  role: Role;
  via: 'session' | 'api_key';
  apiKeyId?: string;
  /**
   * The account acting: the organisation's id in organisation context (or for
   * an organisation's key), else the person's. Everything the account owns
   * (try-ons, credits, billing, keys, webhooks, products, usage) is read and
   * written under this id.
   */
  ownerId: string;
  account: CallerAccount;
  keyKind?: 'secret' | 'test' | 'publishable';
  /** False only for `tr_test_` keys. */
  livemode: boolean;
  /**
   * Pages only: the session's organisation context was refused (membership
   * removed, organisation suspended or deleted). The page shows the personal
   * account; every API request in that context answers 403 until the person
   * switches (POST /api/account/context).
   */
  accountRefused?: {
    orgId: string;
    code: 'organization_access_revoked' | 'organization_suspended';
  };
}

function toCaller(
  user: UserDoc,
  via: Caller['via'],
  apiKeyId?: string,
  account: CallerAccount = { type: 'user' },
): Caller {
  const userId = user._id.toString();
  return {
    userId,
    email: user.email,
    ...(user.name ? { name: user.name } : {}),
    role: user.role,
    via,
    ...(apiKeyId ? { apiKeyId } : {}),
    ownerId: account.type === 'organization' ? account.orgId : userId,
    account,
    ...(via === 'api_key' ? { keyKind: 'secret' as const } : {}),
    livemode: true,
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

/**
 * A request made with an organisation's API key: it acts for the
 * organisation, as the person who created the key (or the organisation
 * itself when that is unknown) — never with that person's admin role.
 */
async function orgKeyCaller(
  org: { _id: { toString(): string }; name: string; slug: string },
  createdBy: { toString(): string } | null | undefined,
  apiKeyId: string,
): Promise<Caller> {
  const orgId = org._id.toString();
  const creator = createdBy ? await User.findById(createdBy.toString()).lean<UserDoc>() : null;
  const account: OrgAccount = {
    type: 'organization',
    orgId,
    role: 'admin',
    name: org.name,
    slug: org.slug,
  };
  return {
    userId: creator ? creator._id.toString() : orgId,
    email: creator?.email ?? '',
    name: org.name,
    role: 'user',
    via: 'api_key',
    apiKeyId,
    ownerId: orgId,
    account,
    keyKind: 'secret',
    livemode: true,
  };
}

export interface ResolveCallerOptions {
  /**
   * The route acts only on the person (their account, photos, support,
   * organisation list, account switch): a refused organisation context does
   * not stop it, and the caller acts as the person.
   */
  personal?: boolean;
}

/** Resolves the caller of an API request: `x-api-key` first, then the session cookie. */
export async function resolveCaller(
  req: Request,
  opts: ResolveCallerOptions = {},
): Promise<Caller | null> {
  const key = req.headers.get('x-api-key');
  if (key !== null) {
    const verified = await verifyApiKeyOrThrow(key.trim());
    const { owner, apiKeyId, key: doc } = verified;
    if (verified.kind === 'publishable')
      throw new AppError(
        'publishable_key_not_allowed',
        'A publishable key (pk_live_) only works in the storefront widget; use a secret key',
      );
    assertKeyUsableFrom(doc, req.headers, new URL(env.APP_URL).origin);
    // The key's kind decides the data space (tr_test_ → livemode false).
    const keyMode = { keyKind: verified.kind, livemode: verified.livemode };
    if (owner.type === 'organization') {
      if (owner.org.status === 'suspended') throw organizationSuspended();
      return {
        ...(await orgKeyCaller(
          owner.org,
          (doc as { createdBy?: unknown }).createdBy as never,
          apiKeyId,
        )),
        ...keyMode,
      };
    }
    if (owner.user.status === 'suspended') throw accountSuspended();
    return { ...toCaller(owner.user, 'api_key', apiKeyId), ...keyMode };
  }
  const token = await getToken({ req: req as never, secret: authSecret() });
  const state = await userFromToken(token);
  if (state.kind === 'suspended') throw accountSuspended();
  if (state.kind !== 'user') return null;
  const orgId = accountCookieFrom(req.headers.get('cookie'));
  if (!orgId || opts.personal) return toCaller(state.user, 'session');
  const context = await resolveAccountContext(state.user._id.toString(), orgId);
  if (!context.ok) throw context.error;
  return toCaller(state.user, 'session', undefined, context.account);
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

/** `tr_account` from the request's cookie store (or a plain name → value record). */
function accountCookieOf(jar: unknown): string | undefined {
  if (jar && typeof (jar as { get?: unknown }).get === 'function')
    return (jar as { get(name: string): { value: string } | undefined }).get(ACCOUNT_COOKIE)?.value;
  const value = (jar as Record<string, unknown> | null)?.[ACCOUNT_COOKIE];
  return typeof value === 'string' ? value : undefined;
}

/** The page's caller with its organisation context (checked on every render). */
const pageCaller = cache(async (user: UserDoc): Promise<Caller> => {
  const orgId = accountCookieOf(await cookies());
  if (!orgId) return toCaller(user, 'session');
  const context = await resolveAccountContext(user._id.toString(), orgId);
  if (context.ok) return toCaller(user, 'session', undefined, context.account);
  const code =
    context.error.code === 'organization_suspended'
      ? 'organization_suspended'
      : 'organization_access_revoked';
  return { ...toCaller(user, 'session'), accountRefused: { orgId: context.orgId, code } };
});

/** For server components and actions: the signed-in person, or null. */
export async function getSessionUser(): Promise<Caller | null> {
  const state = await pageSession();
  return state.kind === 'user' ? pageCaller(state.user) : null;
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
  const caller = await pageCaller(state.user);
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
