import { afterEach, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import {
  ApiKey,
  CreditTransaction,
  Membership,
  Organization,
  OrgInvite,
  Payment,
  WebhookDelivery,
  WebhookEndpoint,
  membershipId,
} from '@/models';
import { generateApiKey } from '@/lib/apikeys';
import { getBalance, reconcile, spendCredits, grantPurchasedCredits } from '@/lib/credits';
import { resetLedgerTestHooks, setLedgerTestHooks } from '@/lib/credits/ledger';
import {
  callRoute,
  createTestUser,
  sessionToken,
  SESSION_COOKIE,
} from '@/lib/testing/session-request';
import { paidPayment } from '@/lib/testing/payment-fixtures';
import { createQueuedJob } from '@/lib/testing/tryon-fixtures';
import {
  ACCOUNT_COOKIE,
  acceptInvite,
  changeMemberRole,
  createInvite,
  createOrganization,
  leaveOrganization,
} from '@/lib/orgs';
import { deleteAccount } from '@/lib/users';
import * as credits from '@/app/api/v1/credits/route';
import * as transactions from '@/app/api/v1/credits/transactions/route';
import * as account from '@/app/api/account/route';
import * as context from '@/app/api/account/context/route';
import * as members from '@/app/api/orgs/[id]/members/[userId]/route';
import * as orgs from '@/app/api/orgs/route';
import * as invites from '@/app/api/orgs/[id]/invites/route';
import * as accept from '@/app/api/invites/accept/route';
import * as tryonOne from '@/app/api/v1/tryon/[id]/route';
import * as tryonList from '@/app/api/v1/tryon/route';
import * as tryonImage from '@/app/api/v1/tryon/[id]/image/route';
import * as apiKeyOne from '@/app/api/v1/api-keys/[id]/route';
import * as apiKeyRegen from '@/app/api/v1/api-keys/[id]/regenerate/route';
import * as hookOne from '@/app/api/v1/webhooks/[id]/route';
import * as hookDeliveries from '@/app/api/v1/webhooks/[id]/deliveries/route';
import * as hookRetry from '@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/retry/route';
import * as hookRotate from '@/app/api/v1/webhooks/[id]/rotate-secret/route';
import * as checkoutOne from '@/app/api/v1/billing/checkout/[sessionId]/route';
import * as payments from '@/app/api/v1/billing/payments/route';
import * as assets from '@/app/api/assets/[id]/route';

afterEach(() => resetLedgerTestHooks());

type Person = Awaited<ReturnType<typeof createTestUser>>;

async function orgWith(owner: Person, name = 'Shop'): Promise<string> {
  const org = await createOrganization({
    userId: owner._id.toString(),
    name: `${name} ${new Types.ObjectId().toString().slice(-6)}`,
  });
  return org.id;
}

async function addMember(orgId: string, person: Person, role: 'admin' | 'member' = 'member') {
  const userId = person._id.toString();
  await Membership.create({ _id: membershipId(orgId, userId), orgId, userId, role });
}

/** Session cookie plus the organisation context cookie, as the browser sends them. */
async function orgCookie(person: Person, orgId: string | null): Promise<Record<string, string>> {
  const token = await sessionToken(person);
  return {
    cookie: `${SESSION_COOKIE}=${token}${orgId ? `; ${ACCOUNT_COOKIE}=${orgId}` : ''}`,
  };
}

async function fund(ownerId: string, paid: number) {
  await grantPurchasedCredits({
    userId: ownerId,
    credits: paid,
    idempotencyKey: `purchase:fixture-${ownerId}-${paid}`,
    description: 'fixture purchase',
    referenceType: 'payment',
    actor: { type: 'system' },
  });
}

describe('organisation ledger', () => {
  it('200 concurrent spends by 5 members on 100 credits: exactly 100 succeed; reconcile is clean', async () => {
    const owner = await createTestUser();
    const orgId = await orgWith(owner);
    const people = [owner, ...(await Promise.all([1, 2, 3, 4].map(() => createTestUser())))];
    for (const p of people.slice(1)) await addMember(orgId, p);
    await fund(orgId, 100);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        spendCredits({
          userId: orgId,
          credits: 1,
          idempotencyKey: `usage:org-race-${orgId}-${i}`,
          description: 'race',
          referenceType: 'system',
          actor: { type: 'user', id: people[i % 5]!._id.toString() },
        }),
      ),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter(
      (o) =>
        o.status === 'rejected' && (o.reason as { code?: string }).code === 'insufficient_credits',
    ).length;
    expect(ok).toBe(100);
    expect(refused).toBe(100);
    const balance = await getBalance(orgId);
    expect(balance).toMatchObject({ free: 0, paid: 0, total: 0, dailyAllowance: 0 });
    // No daily free credits for an organisation; every entry says who owns it.
    expect(await CreditTransaction.countDocuments({ userId: orgId, type: 'free' })).toBe(0);
    expect(
      await CreditTransaction.countDocuments({ userId: orgId, ownerType: 'organization' }),
    ).toBe(101);
    const org = await Organization.findById(orgId).lean().orFail();
    expect(org).toMatchObject({ paidCredits: 0, freeCredits: 0, ledgerSeq: 101 });
    const report = await reconcile({ repair: false });
    expect(report.differences.filter((d) => d.userId === orgId)).toEqual([]);
    expect(report.inconsistencies.filter((d) => d.userId === orgId)).toEqual([]);
  });

  it('without the in-process queue (as between processes), racing writers on one organisation never overdraw', async () => {
    const owner = await createTestUser();
    const orgId = await orgWith(owner);
    await fund(orgId, 20);
    setLedgerTestHooks({ serialize: false });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        spendCredits({
          userId: orgId,
          credits: 1,
          idempotencyKey: `usage:org-race2-${orgId}-${i}`,
          description: 'race',
          referenceType: 'system',
          actor: { type: 'user', id: owner._id.toString() },
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(20);
    expect((await getBalance(orgId)).total).toBe(0);
    const seqs = (await CreditTransaction.find({ userId: orgId }).lean())
      .map((e) => e.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('reconcile repairs an organisation projection left behind', async () => {
    const owner = await createTestUser();
    const orgId = await orgWith(owner);
    await fund(orgId, 7);
    await Organization.updateOne({ _id: orgId }, { $set: { paidCredits: 999, ledgerSeq: 0 } });
    const report = await reconcile({ repair: true });
    expect(report.differences.find((d) => d.userId === orgId)).toMatchObject({
      ownerType: 'organization',
      ledger: { paid: 7, seq: 1 },
      repaired: true,
    });
    expect(await Organization.findById(orgId).lean().orFail()).toMatchObject({
      paidCredits: 7,
      ledgerSeq: 1,
    });
  });

  it('an organisation purchase (the real checkout and fulfilment) grants to the organisation exactly once', async () => {
    const owner = await createTestUser();
    const orgId = await orgWith(owner);
    const payment = await paidPayment(orgId, 2_100);
    expect(payment.status).toBe('paid');
    expect(payment.userId.toString()).toBe(orgId);
    expect((await getBalance(orgId)).paid).toBe(2_100);
    expect((await getBalance(owner._id.toString())).paid).toBe(0);
    expect(
      await CreditTransaction.countDocuments({
        userId: orgId,
        idempotencyKey: `purchase:${payment.checkoutSessionId}`,
      }),
    ).toBe(1);
  });
});

describe('organisation context on every request', () => {
  it('a removed member is refused on their next request; personal routes and switching back still work', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const orgId = await orgWith(owner);
    await addMember(orgId, member);
    await fund(orgId, 40);
    const headers = await orgCookie(member, orgId);

    const before = await callRoute(credits.GET, '/api/v1/credits', { headers });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ paid_credits: 40 });

    const removed = await callRoute(members.DELETE, `/api/orgs/${orgId}/members/x`, {
      method: 'DELETE',
      headers: await orgCookie(owner, null),
      params: { id: orgId, userId: member._id.toString() },
    });
    expect(removed.status).toBe(200);

    const after = await callRoute(credits.GET, '/api/v1/credits', { headers });
    expect(after.status).toBe(403);
    expect(after.body).toMatchObject({ error: { code: 'organization_access_revoked' } });
    // Never a silent fall-back to the person's own credits.
    const list = await callRoute(tryonList.GET, '/api/v1/tryon', { headers });
    expect(list.status).toBe(403);

    // The person's own routes still answer, and they can switch back.
    expect((await callRoute(account.GET, '/api/account', { headers })).status).toBe(200);
    const switched = await callRoute(context.POST, '/api/account/context', {
      method: 'POST',
      headers: { ...headers, origin: 'http://localhost:3000' },
      body: { org_id: null },
    });
    expect(switched.status).toBe(200);
    expect(switched.headers.get('set-cookie')).toMatch(new RegExp(`${ACCOUNT_COOKIE}=;`));
    const personal = await callRoute(credits.GET, '/api/v1/credits', {
      headers: await orgCookie(member, null),
    });
    expect(personal.status).toBe(200);
    // And cannot switch into the organisation again.
    const again = await callRoute(context.POST, '/api/account/context', {
      method: 'POST',
      headers: { ...headers, origin: 'http://localhost:3000' },
      body: { org_id: orgId },
    });
    expect(again.status).toBe(403);
  });

  it('a suspended organisation refuses its members and its API keys', async () => {
    const owner = await createTestUser();
    const orgId = await orgWith(owner);
    const { key, prefix, keyHash } = generateApiKey();
    await ApiKey.create({ userId: orgId, name: 'server', prefix, keyHash, createdBy: owner._id });
    const ok = await callRoute(credits.GET, '/api/v1/credits', { apiKey: key });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ daily_free_allowance: 0 });
    await Organization.updateOne({ _id: orgId }, { $set: { status: 'suspended' } });
    for (const init of [{ apiKey: key }, { headers: await orgCookie(owner, orgId) }]) {
      const r = await callRoute(credits.GET, '/api/v1/credits', init);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ error: { code: 'organization_suspended' } });
    }
  });

  it('members cannot manage billing; owners can', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const orgId = await orgWith(owner);
    await addMember(orgId, member);
    const r = await callRoute(payments.GET, '/api/v1/billing/payments', {
      headers: await orgCookie(member, orgId),
    });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: { code: 'organization_role_forbidden' } });
    const o = await callRoute(payments.GET, '/api/v1/billing/payments', {
      headers: await orgCookie(owner, orgId),
    });
    expect(o.status).toBe(200);
  });
});

describe('cross-organisation ids answer 404 on every owned route', () => {
  it('an admin of X reaches none of Y’s jobs, images, keys, webhooks, deliveries, payments or transactions', async () => {
    const xAdmin = await createTestUser();
    const yOwner = await createTestUser();
    const x = await orgWith(xAdmin, 'X');
    const y = await orgWith(yOwner, 'Y');
    const job = await createQueuedJob(y, { charge: false, status: 'completed' });
    const jobId = job._id.toString();
    const assetId = job.inputs!.userImageId!.toString();
    const { prefix, keyHash } = generateApiKey();
    const key = await ApiKey.create({ userId: y, name: 'y', prefix, keyHash });
    const keyId = key._id.toString();
    const hook = await WebhookEndpoint.create({
      userId: y,
      url: 'https://hooks.example.com/y',
      secret: 'whsec_y',
      events: ['tryon.completed'],
    });
    const hookId = hook._id.toString();
    const delivery = await WebhookDelivery.create({
      endpointId: hook._id,
      userId: y,
      messageId: `msg_${hookId}`,
      eventType: 'tryon.completed',
      payload: { a: 1 },
      status: 'failed',
      nextAttemptAt: new Date(),
      test: false,
    });
    const payment = await paidPayment(y, 300);
    const headers = { ...(await orgCookie(xAdmin, x)), origin: 'http://localhost:3000' };

    const cases: Array<[string, () => Promise<{ status: number; body: unknown }>]> = [
      ['GET job', () => callRoute(tryonOne.GET, '/t', { headers, params: { id: jobId } })],
      [
        'PATCH job',
        () =>
          callRoute(tryonOne.PATCH, '/t', {
            method: 'PATCH',
            headers,
            params: { id: jobId },
            body: { favorite: true },
          }),
      ],
      [
        'DELETE job',
        () =>
          callRoute(tryonOne.DELETE, '/t', { method: 'DELETE', headers, params: { id: jobId } }),
      ],
      ['GET job image', () => callRoute(tryonImage.GET, '/t', { headers, params: { id: jobId } })],
      ['GET asset', () => callRoute(assets.GET, '/a', { headers, params: { id: assetId } })],
      [
        'DELETE key',
        () =>
          callRoute(apiKeyOne.DELETE, '/k', { method: 'DELETE', headers, params: { id: keyId } }),
      ],
      [
        'PATCH key',
        () =>
          callRoute(apiKeyOne.PATCH, '/k', {
            method: 'PATCH',
            headers,
            params: { id: keyId },
            body: { name: 'mine' },
          }),
      ],
      [
        'regenerate key',
        () => callRoute(apiKeyRegen.POST, '/k', { method: 'POST', headers, params: { id: keyId } }),
      ],
      ['GET webhook', () => callRoute(hookOne.GET, '/w', { headers, params: { id: hookId } })],
      [
        'PATCH webhook',
        () =>
          callRoute(hookOne.PATCH, '/w', {
            method: 'PATCH',
            headers,
            params: { id: hookId },
            body: { description: 'mine' },
          }),
      ],
      [
        'DELETE webhook',
        () =>
          callRoute(hookOne.DELETE, '/w', { method: 'DELETE', headers, params: { id: hookId } }),
      ],
      [
        'GET deliveries',
        () => callRoute(hookDeliveries.GET, '/w', { headers, params: { id: hookId } }),
      ],
      [
        'retry delivery',
        () =>
          callRoute(hookRetry.POST, '/w', {
            method: 'POST',
            headers,
            params: { id: hookId, deliveryId: delivery._id.toString() },
          }),
      ],
      [
        'rotate secret',
        () => callRoute(hookRotate.POST, '/w', { method: 'POST', headers, params: { id: hookId } }),
      ],
      [
        'GET checkout',
        () =>
          callRoute(checkoutOne.GET, '/c', {
            headers,
            params: { sessionId: payment.checkoutSessionId },
          }),
      ],
    ];
    for (const [name, call] of cases) {
      const r = await call();
      expect({ name, status: r.status }).toEqual({ name, status: 404 });
    }
    // Lists show only X's own: no Y job, payment or ledger entry.
    const jobs = await callRoute(tryonList.GET, '/api/v1/tryon', { headers });
    expect(JSON.stringify(jobs.body)).not.toContain(jobId);
    const pays = await callRoute(payments.GET, '/api/v1/billing/payments', { headers });
    expect(JSON.stringify(pays.body)).not.toContain(payment._id.toString());
    const txs = await callRoute(transactions.GET, '/api/v1/credits/transactions', { headers });
    expect(txs.status).toBe(200);
    expect(JSON.stringify(txs.body)).not.toContain(payment.checkoutSessionId);
    // Y's own admin does reach them (the 404s above are ownership, not broken ids).
    const yHeaders = await orgCookie(yOwner, y);
    expect(
      (await callRoute(tryonOne.GET, '/t', { headers: yHeaders, params: { id: jobId } })).status,
    ).toBe(200);
    expect(
      (await callRoute(hookOne.GET, '/w', { headers: yHeaders, params: { id: hookId } })).status,
    ).toBe(200);
    expect(await Payment.countDocuments({ userId: y })).toBe(1);
  });
});

describe('invitations', () => {
  it('an accepted link makes a member once; reused, revoked, expired and wrong-person links are refused', async () => {
    const owner = await createTestUser();
    const orgId = await orgWith(owner);
    const actor = { userId: owner._id.toString(), email: owner.email, role: owner.role };
    const made = await callRoute(invites.POST, `/api/orgs/${orgId}/invites`, {
      method: 'POST',
      headers: { ...(await orgCookie(owner, null)), origin: 'http://localhost:3000' },
      params: { id: orgId },
      body: { role: 'admin' },
    });
    expect(made.status).toBe(201);
    const { token, url } = made.body as { token: string; url: string };
    expect(url).toContain(`/invite/${token}`);
    // Only the hash is stored.
    expect(await OrgInvite.countDocuments({ tokenHash: token })).toBe(0);

    const alice = await createTestUser();
    const bob = await createTestUser();
    const acceptAs = async (p: Person, t: string) =>
      callRoute(accept.POST, '/api/invites/accept', {
        method: 'POST',
        headers: { ...(await orgCookie(p, null)), origin: 'http://localhost:3000' },
        body: { token: t },
      });
    const ok = await acceptAs(alice, token);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'admin', already_member: false });
    expect(
      await Membership.findById(membershipId(orgId, alice._id.toString())).lean(),
    ).toMatchObject({ role: 'admin' });
    // Reused by someone else: 410; by the same person: already a member.
    expect((await acceptAs(bob, token)).body).toMatchObject({ error: { code: 'invite_invalid' } });
    expect((await acceptAs(alice, token)).body).toMatchObject({ already_member: true });

    // Revoked.
    const revoked = await createInvite({ actor, orgId, role: 'member' });
    await OrgInvite.updateOne({ _id: revoked.id }, { $set: { revokedAt: new Date() } });
    expect((await acceptAs(bob, revoked.token)).status).toBe(410);
    // Expired.
    const expired = await createInvite({ actor, orgId, role: 'member' });
    await OrgInvite.updateOne(
      { _id: expired.id },
      { $set: { expiresAt: new Date(Date.now() - 1) } },
    );
    expect((await acceptAs(bob, expired.token)).status).toBe(410);
    // For another email address.
    const forCarol = await createInvite({
      actor,
      orgId,
      role: 'member',
      email: 'carol@example.test',
    });
    const wrong = await acceptAs(bob, forCarol.token);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'invite_wrong_account' } });
    // Unknown token.
    expect((await acceptAs(bob, 'x'.repeat(32))).status).toBe(404);
    expect(await Membership.exists({ _id: membershipId(orgId, bob._id.toString()) })).toBeNull();

    // Two people racing with one link: exactly one joins.
    const race = await createInvite({ actor, orgId, role: 'member' });
    const [p1, p2] = [await createTestUser(), await createTestUser()];
    const settled = await Promise.allSettled([
      acceptInvite({ token: race.token, userId: p1._id.toString(), email: p1.email }),
      acceptInvite({ token: race.token, userId: p2._id.toString(), email: p2.email }),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
  });

  it('roles: admins cannot invite owners; members cannot invite; the last owner cannot leave', async () => {
    const owner = await createTestUser();
    const admin = await createTestUser();
    const member = await createTestUser();
    const orgId = await orgWith(owner);
    await addMember(orgId, admin, 'admin');
    await addMember(orgId, member, 'member');
    const as = async (p: Person) => ({
      ...(await orgCookie(p, null)),
      origin: 'http://localhost:3000',
    });
    const invite = async (p: Person, role: string) =>
      callRoute(invites.POST, '/i', {
        method: 'POST',
        headers: await as(p),
        params: { id: orgId },
        body: { role },
      });
    expect((await invite(admin, 'owner')).status).toBe(403);
    expect((await invite(admin, 'member')).status).toBe(201);
    expect((await invite(member, 'member')).status).toBe(403);
    const leave = await callRoute(members.DELETE, '/m', {
      method: 'DELETE',
      headers: await as(owner),
      params: { id: orgId, userId: owner._id.toString() },
    });
    expect(leave.status).toBe(409);
    expect(leave.body).toMatchObject({ error: { code: 'last_owner' } });
    const demote = await callRoute(members.PATCH, '/m', {
      method: 'PATCH',
      headers: await as(owner),
      params: { id: orgId, userId: owner._id.toString() },
      body: { role: 'member' },
    });
    expect(demote.status).toBe(409);
    // An admin cannot remove the owner; a non-member sees 404.
    const kick = await callRoute(members.DELETE, '/m', {
      method: 'DELETE',
      headers: await as(admin),
      params: { id: orgId, userId: owner._id.toString() },
    });
    expect(kick.status).toBe(403);
    const stranger = await createTestUser();
    const list = await callRoute(orgs.GET, '/api/orgs', { headers: await as(stranger) });
    expect(list.body).toEqual({ data: [] });
    expect(
      (
        await callRoute(members.DELETE, '/m', {
          method: 'DELETE',
          headers: await as(stranger),
          params: { id: orgId, userId: member._id.toString() },
        })
      ).status,
    ).toBe(404);
  });

  it('the only owner cannot delete their account; once another owner exists, deletion removes their memberships', async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const orgId = await orgWith(owner);
    await addMember(orgId, other, 'admin');
    const ownerId = owner._id.toString();
    await expect(deleteAccount({ userId: ownerId })).rejects.toMatchObject({ code: 'last_owner' });
    await Membership.updateOne(
      { _id: membershipId(orgId, other._id.toString()) },
      { $set: { role: 'owner' } },
    );
    await deleteAccount({ userId: ownerId });
    expect(await Membership.exists({ _id: membershipId(orgId, ownerId) })).toBeNull();
    expect(
      await Membership.exists({ _id: membershipId(orgId, other._id.toString()) }),
    ).not.toBeNull();
  });

  it('two owners demoting or leaving at once never leave the organisation without an owner', async () => {
    for (const race of ['demote', 'leave'] as const) {
      const a = await createTestUser();
      const b = await createTestUser();
      const orgId = await orgWith(a);
      await addMember(orgId, b, 'admin');
      await Membership.updateOne(
        { _id: membershipId(orgId, b._id.toString()) },
        { $set: { role: 'owner' } },
      );
      const actor = (p: Person) => ({ userId: p._id.toString(), email: p.email, role: p.role });
      await Promise.allSettled(
        race === 'demote'
          ? [
              changeMemberRole({
                actor: actor(a),
                orgId,
                userId: b._id.toString(),
                role: 'member',
              }),
              changeMemberRole({
                actor: actor(b),
                orgId,
                userId: a._id.toString(),
                role: 'member',
              }),
            ]
          : [
              leaveOrganization({ actor: actor(a), orgId }),
              leaveOrganization({ actor: actor(b), orgId }),
            ],
      );
      expect(await Membership.countDocuments({ orgId, role: 'owner' })).toBeGreaterThanOrEqual(1);
    }
  });
});
