import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditLog, User } from '@/models';
import { getBalance } from '@/lib/credits';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { GET as reconcileGet, POST as reconcilePost } from './reconcile/route';
import { POST as adjust } from './users/[id]/credits/route';

describe('admin credit adjustment', () => {
  it('support adjusts with a reason: one ledger entry, one audit entry, replay-safe', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const person = await createTestUser();
    const token = await sessionToken(admin);
    const id = person._id.toString();
    const body = {
      credits: 25,
      reason: 'Goodwill after a failed batch',
      idempotency_key: randomUUID(),
    };
    const first = await callRoute(adjust, `/api/admin/users/${id}/credits`, {
      method: 'POST',
      token,
      body,
      params: { id },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      replayed: false,
      transaction: { type: 'admin_adjustment', credits: 25 },
    });
    const again = await callRoute(adjust, `/api/admin/users/${id}/credits`, {
      method: 'POST',
      token,
      body,
      params: { id },
    });
    expect(again.body).toMatchObject({ replayed: true });
    expect((await getBalance(id)).paid).toBe(25);
    const audits = await AuditLog.find({ action: 'credits.adjust', entityId: id }).lean();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      reason: body.reason,
      before: { paidCredits: 0 },
      after: { paidCredits: 25 },
    });
  });

  it('refuses a missing reason, a zero amount, overdrawing, other roles and anonymous callers', async () => {
    const admin = await createTestUser({ role: 'super_admin' });
    const person = await createTestUser();
    const id = person._id.toString();
    const token = await sessionToken(admin);
    const post = (body: unknown, t: string | undefined = token) =>
      callRoute(adjust, `/api/admin/users/${id}/credits`, {
        method: 'POST',
        token: t,
        body,
        params: { id },
      });
    expect((await post({ credits: 5, reason: '', idempotency_key: randomUUID() })).status).toBe(
      400,
    );
    expect(
      (await post({ credits: 0, reason: 'zero credits', idempotency_key: randomUUID() })).status,
    ).toBe(400);
    expect((await post({ credits: 5, reason: 'no key given' })).status).toBe(400);
    const over = await post({
      credits: -5,
      reason: 'take back too much',
      idempotency_key: randomUUID(),
    });
    expect(over).toMatchObject({ status: 402, body: { error: { code: 'insufficient_credits' } } });
    const finance = await sessionToken(await createTestUser({ role: 'finance_admin' }));
    expect(
      (
        await post(
          { credits: 5, reason: 'finance may not', idempotency_key: randomUUID() },
          finance,
        )
      ).status,
    ).toBe(403);
    const user = await sessionToken(await createTestUser());
    expect(
      (await post({ credits: 5, reason: 'users may not', idempotency_key: randomUUID() }, user))
        .status,
    ).toBe(403);
    expect(
      (await post({ credits: 5, reason: 'anonymous', idempotency_key: randomUUID() }, '')).status,
    ).toBe(401);
    expect(await AuditLog.countDocuments({ action: 'credits.adjust', entityId: id })).toBe(0);
  });
});

describe('admin reconcile', () => {
  it('finance sees differences, repairs them (audited); support may not', async () => {
    const finance = await createTestUser({ role: 'finance_admin' });
    const token = await sessionToken(finance);
    const person = await createTestUser();
    await getBalance(person._id.toString()); // writes a ledger entry (daily top-up)
    await User.updateOne({ _id: person._id }, { $set: { freeCredits: 99 } }); // a projection gone wrong
    const report = await callRoute(reconcileGet, '/api/admin/reconcile', { token });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      ok: false,
      differences: [{ userId: person._id.toString(), repaired: false }],
    });
    const repaired = await callRoute(reconcilePost, '/api/admin/reconcile', {
      method: 'POST',
      token,
    });
    expect(repaired.body).toMatchObject({ differences: [{ repaired: true }] });
    expect((await callRoute(reconcileGet, '/api/admin/reconcile', { token })).body).toMatchObject({
      ok: true,
    });
    expect(await AuditLog.countDocuments({ action: 'ledger.reconcile' })).toBe(1);
    const support = await sessionToken(await createTestUser({ role: 'support_admin' }));
    expect((await callRoute(reconcileGet, '/api/admin/reconcile', { token: support })).status).toBe(
      403,
    );
  });
});
