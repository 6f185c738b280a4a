import { describe, expect, it } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { ApiKey, User } from '@/models';
import { apiRoute } from '@/lib/api/route';
import { generateApiKey } from '@/lib/apikeys';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import * as account from '@/app/api/account/route';
import * as signOutAll from '@/app/api/account/sign-out-everywhere/route';
import * as adminUsers from '@/app/api/admin/users/route';
import * as suspend from '@/app/api/admin/users/[id]/suspend/route';
import * as unsuspend from '@/app/api/admin/users/[id]/unsuspend/route';
import * as role from '@/app/api/admin/users/[id]/role/route';
import { authOptions } from './options';

// A route that API keys may call, to prove the key path too.
const probe = apiRoute({ auth: 'user' }, async ({ caller }) => ({
  user_id: caller.userId,
  via: caller.via,
}));

async function freshToken(userId: string) {
  const user = await User.findById(userId).lean().orFail();
  return sessionToken({ ...user, _id: user._id });
}

describe('suspension takes effect on the next request', () => {
  it('gives 403 account_suspended to session and API-key calls, and ends sessions for good', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const adminToken = await sessionToken(admin);
    const person = await createTestUser();
    const token = await sessionToken(person);
    const { key, prefix, keyHash } = generateApiKey();
    await ApiKey.create({ userId: person._id, name: 'ci', prefix, keyHash });

    expect((await callRoute(account.GET, '/api/account', { token })).status).toBe(200);
    expect((await callRoute(probe, '/probe', { apiKey: key })).body).toMatchObject({
      via: 'api_key',
    });

    const id = person._id.toString();
    const res = await callRoute(suspend.POST, `/api/admin/users/${id}/suspend`, {
      method: 'POST',
      token: adminToken,
      params: { id },
      body: { reason: 'chargeback fraud' },
    });
    expect(res.status).toBe(200);

    for (const call of [
      () => callRoute(account.GET, '/api/account', { token }),
      () => callRoute(probe, '/probe', { token }),
      () => callRoute(probe, '/probe', { apiKey: key }),
    ]) {
      const r = await call();
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ error: { code: 'account_suspended' } });
    }

    // The person cannot sign in again while suspended.
    const signIn = authOptions.callbacks!.signIn!;
    const google = await signIn({
      user: { id: 'g', email: person.email },
      account: { provider: 'google', type: 'oauth', providerAccountId: 'g-1' },
      profile: { email: person.email, email_verified: true } as never,
    });
    expect(google).toBe('/signin?error=suspended');
    expect((await User.findById(id).lean())?.lastLoginAt).toBeUndefined();

    // Lifting the suspension does not revive the old session; a new sign-in works.
    await callRoute(unsuspend.POST, `/api/admin/users/${id}/unsuspend`, {
      method: 'POST',
      token: adminToken,
      params: { id },
      body: {},
    });
    expect((await callRoute(account.GET, '/api/account', { token })).status).toBe(401);
    expect(
      (await callRoute(account.GET, '/api/account', { token: await freshToken(id) })).status,
    ).toBe(200);
    expect((await callRoute(probe, '/probe', { apiKey: key })).status).toBe(200);
  });
});

describe('role changes take effect on the next request', () => {
  it('demotes and promotes without a new sign-in', async () => {
    const superAdmin = await createTestUser({ role: 'super_admin' });
    const superToken = await sessionToken(superAdmin);
    const support = await createTestUser({ role: 'support_admin' });
    const supportToken = await sessionToken(support);
    const id = support._id.toString();

    expect(
      (await callRoute(adminUsers.GET, '/api/admin/users', { token: supportToken })).status,
    ).toBe(200);
    const demote = await callRoute(role.POST, `/api/admin/users/${id}/role`, {
      method: 'POST',
      token: superToken,
      params: { id },
      body: { role: 'user', reason: 'left the support team' },
    });
    expect(demote.body).toMatchObject({ changed: true, user: { role: 'user' } });

    // Same token, which still says support_admin: refused.
    const after = await callRoute(adminUsers.GET, '/api/admin/users', { token: supportToken });
    expect(after.status).toBe(403);
    expect(after.body).toMatchObject({ error: { code: 'forbidden' } });

    await callRoute(role.POST, `/api/admin/users/${id}/role`, {
      method: 'POST',
      token: superToken,
      params: { id },
      body: { role: 'support_admin' },
    });
    expect(
      (await callRoute(adminUsers.GET, '/api/admin/users', { token: supportToken })).status,
    ).toBe(200);
  });

  it('refreshes the role in the session and drops revoked sessions (jwt callback)', async () => {
    const person = await createTestUser();
    const jwt = authOptions.callbacks!.jwt!;
    const token: JWT = { uid: person._id.toString(), role: 'user', sv: 0 };
    await User.updateOne({ _id: person._id }, { $set: { role: 'finance_admin' } });
    expect((await jwt({ token: { ...token }, user: undefined as never, account: null })).role).toBe(
      'finance_admin',
    );
    await User.updateOne({ _id: person._id }, { $inc: { sessionVersion: 1 } });
    await expect(
      jwt({ token: { ...token }, user: undefined as never, account: null }),
    ).rejects.toThrow('session revoked');
  });
});

describe('sign out everywhere', () => {
  it('invalidates every older token, on every device', async () => {
    const person = await createTestUser();
    const laptop = await sessionToken(person);
    const phone = await sessionToken(person);
    expect((await callRoute(account.GET, '/api/account', { token: phone })).status).toBe(200);

    const res = await callRoute(signOutAll.POST, '/api/account/sign-out-everywhere', {
      method: 'POST',
      token: laptop,
    });
    expect(res.status).toBe(200);

    for (const token of [laptop, phone]) {
      const r = await callRoute(account.GET, '/api/account', { token });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect(
      (
        await callRoute(account.GET, '/api/account', {
          token: await freshToken(person._id.toString()),
        })
      ).status,
    ).toBe(200);
  });

  it('is refused to API keys (session only)', async () => {
    const person = await createTestUser();
    const { key, prefix, keyHash } = generateApiKey();
    await ApiKey.create({ userId: person._id, name: 'ci', prefix, keyHash });
    const r = await callRoute(signOutAll.POST, '/api/account/sign-out-everywhere', {
      method: 'POST',
      apiKey: key,
    });
    expect(r.status).toBe(403);
    expect((await User.findById(person._id).lean())?.sessionVersion).toBe(0);
  });
});
