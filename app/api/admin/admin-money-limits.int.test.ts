import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN_DAILY_GRANT_CAP, ADMIN_LARGE_ADJUSTMENT, getBalance } from '@/lib/credits';
import {
  callRoute,
  createTestUser,
  sessionToken,
  testRequest,
} from '@/lib/testing/session-request';
import { AdminGrant, AuditLog, CreditTransaction } from '@/models';
import { GET as transactions } from '../v1/credits/transactions/route';
import { POST as refundJob } from './jobs/[id]/refund/route';
import { POST as refundPayment } from './payments/[id]/refund/route';
import { POST as adjust } from './users/[id]/credits/route';

/** Issue 9 hole 5: admins moving money to themselves, large grants, the daily cap. */

function adjustAs(token: string, userId: string, credits: number, reason = 'goodwill credit') {
  return callRoute(adjust, `/api/admin/users/${userId}/credits`, {
    method: 'POST',
    token,
    body: { credits, reason, idempotency_key: randomUUID() },
    params: { id: userId },
  });
}

describe('admins and their own money', () => {
  it('refuses a self-adjustment for every admin role, audited, nothing granted', async () => {
    for (const role of ['support_admin', 'super_admin'] as const) {
      const admin = await createTestUser({ role });
      const id = admin._id.toString();
      const res = await adjustAs(await sessionToken(admin), id, 1_000);
      expect(res).toMatchObject({
        status: 403,
        body: { error: { code: 'self_action_forbidden' } },
      });
      expect((await getBalance(id)).paid).toBe(0);
      expect(
        await CreditTransaction.countDocuments({ userId: admin._id, type: 'admin_adjustment' }),
      ).toBe(0);
      const audits = await AuditLog.find({ action: 'credits.adjust.refused', entityId: id }).lean();
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        actorId: admin._id,
        after: { credits: 1_000, refused: 'self_action_forbidden' },
      });
      expect(await AuditLog.countDocuments({ action: 'credits.adjust', entityId: id })).toBe(0);
    }
  });

  it('refuses refunding one’s own job and one’s own payment, audited', async () => {
    const { createQueuedJob } = await import('@/lib/testing/tryon-fixtures');
    const { failAndRefundJob } = await import('@/lib/tryon');
    const { paidPayment } = await import('@/lib/testing/payment-fixtures');
    const admin = await createTestUser({ role: 'super_admin' });
    const adminId = admin._id.toString();
    const token = await sessionToken(admin);
    const job = await createQueuedJob(adminId, { status: 'processing', startedAt: new Date() });
    const jobId = job._id.toString();
    await failAndRefundJob(jobId, { code: 'generation_failed', message: 'self refund test' });
    const jobRes = await callRoute(refundJob, `/api/admin/jobs/${jobId}/refund`, {
      method: 'POST',
      token,
      body: { reason: 'refund my own job' },
      params: { id: jobId },
    });
    expect(jobRes).toMatchObject({
      status: 403,
      body: { error: { code: 'self_action_forbidden' } },
    });
    expect(
      await AuditLog.countDocuments({ action: 'tryon_job.refund.refused', entityId: jobId }),
    ).toBe(1);

    const payment = await paidPayment(adminId, 300);
    const paymentId = payment._id.toString();
    const paidBefore = (await getBalance(adminId)).paid;
    const payRes = await callRoute(refundPayment, `/api/admin/payments/${paymentId}/refund`, {
      method: 'POST',
      token,
      body: { amount_cents: 100, reason: 'refund my own payment', idempotency_key: randomUUID() },
      params: { id: paymentId },
    });
    expect(payRes).toMatchObject({
      status: 403,
      body: { error: { code: 'self_action_forbidden' } },
    });
    expect(
      await AuditLog.countDocuments({ action: 'payment.refund.refused', entityId: paymentId }),
    ).toBe(1);
    expect(await AuditLog.countDocuments({ action: 'payment.refund', entityId: paymentId })).toBe(
      0,
    );
    expect((await getBalance(adminId)).paid).toBe(paidBefore);

    // Someone else's job and payment: the same admin may.
    const person = await createTestUser();
    const theirs = await paidPayment(person._id.toString(), 300);
    const ok = await callRoute(
      refundPayment,
      `/api/admin/payments/${theirs._id.toString()}/refund`,
      {
        method: 'POST',
        token,
        body: { amount_cents: 100, reason: 'customer asked', idempotency_key: randomUUID() },
        params: { id: theirs._id.toString() },
      },
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});

describe('large adjustments and the daily cap', () => {
  it(`needs a super admin above ${ADMIN_LARGE_ADJUSTMENT} credits (either sign)`, async () => {
    const support = await createTestUser({ role: 'support_admin' });
    const supportToken = await sessionToken(support);
    const person = await createTestUser();
    const id = person._id.toString();
    const big = ADMIN_LARGE_ADJUSTMENT + 1;
    const refused = await adjustAs(supportToken, id, big);
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: 'admin_limit_exceeded', details: { limit: 'single_adjustment' } } },
    });
    expect(await AuditLog.countDocuments({ action: 'credits.adjust.refused', entityId: id })).toBe(
      1,
    );
    expect((await getBalance(id)).paid).toBe(0);
    // At the threshold support may.
    expect((await adjustAs(supportToken, id, ADMIN_LARGE_ADJUSTMENT)).status).toBe(200);

    const superToken = await sessionToken(await createTestUser({ role: 'super_admin' }));
    expect((await adjustAs(superToken, id, big)).status).toBe(200);
    expect((await getBalance(id)).paid).toBe(ADMIN_LARGE_ADJUSTMENT + big);
    expect((await adjustAs(supportToken, id, -big)).status).toBe(403);
    expect((await adjustAs(superToken, id, -big)).status).toBe(200);
  });

  it('holds the per-admin daily cap under 20 concurrent grants (real database)', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const token = await sessionToken(admin);
    const each = 4_000; // 20 × 4,000 = 80,000 asked; the cap lets exactly 12 through
    const people = await Promise.all(Array.from({ length: 20 }, () => createTestUser()));
    const results = await Promise.all(
      people.map((p) => adjustAs(token, p._id.toString(), each, 'concurrent goodwill')),
    );
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 403);
    const fit = Math.floor(ADMIN_DAILY_GRANT_CAP / each);
    expect(ok).toHaveLength(fit);
    expect(refused).toHaveLength(20 - fit);
    for (const r of refused) {
      expect(r.body).toMatchObject({
        error: { code: 'admin_limit_exceeded', details: { limit: 'daily_total' } },
      });
    }
    // The ledger agrees: exactly what the cap allowed was granted.
    let granted = 0;
    for (const p of people) granted += (await getBalance(p._id.toString())).paid;
    expect(granted).toBe(fit * each);
    const slots = await AdminGrant.find({ adminId: admin._id.toString() }).lean();
    expect(slots).toHaveLength(fit);
    expect(Math.max(...slots.map((s) => s.totalAfter))).toBe(fit * each);
    expect(await AuditLog.countDocuments({ actorId: admin._id, action: 'credits.adjust' })).toBe(
      fit,
    );
    expect(
      await AuditLog.countDocuments({ actorId: admin._id, action: 'credits.adjust.refused' }),
    ).toBe(20 - fit);
    // Another admin's cap is their own.
    const other = await sessionToken(await createTestUser({ role: 'support_admin' }));
    expect((await adjustAs(other, people[0]!._id.toString(), each)).status).toBe(200);
  });

  it('a replayed adjustment claims the cap once', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const token = await sessionToken(admin);
    const person = await createTestUser();
    const id = person._id.toString();
    const body = { credits: 5_000, reason: 'replayed goodwill', idempotency_key: randomUUID() };
    const call = () =>
      callRoute(adjust, `/api/admin/users/${id}/credits`, {
        method: 'POST',
        token,
        body,
        params: { id },
      });
    const answers = await Promise.all([call(), call(), call()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await getBalance(id)).paid).toBe(5_000);
    expect(await AdminGrant.countDocuments({ adminId: admin._id.toString() })).toBe(1);
  });
});

describe('admin actions in a person’s ledger', () => {
  it('are referenced by the operation, never by the admin’s id (JSON and CSV)', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const adminId = admin._id.toString();
    const person = await createTestUser();
    const id = person._id.toString();
    const key = randomUUID();
    const res = await callRoute(adjust, `/api/admin/users/${id}/credits`, {
      method: 'POST',
      token: await sessionToken(admin),
      body: { credits: 7, reason: 'goodwill', idempotency_key: key },
      params: { id },
    });
    expect(res.status).toBe(200);
    const shopper = await sessionToken(person);
    const page = await callRoute(transactions, '/api/v1/credits/transactions', { token: shopper });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(adminId);
    expect(page.body).toMatchObject({
      data: expect.arrayContaining([
        expect.objectContaining({
          type: 'admin_adjustment',
          reference_type: 'admin_action',
          reference_id: key,
        }),
      ]),
    });
    const csv = await (
      await transactions(
        testRequest('/api/v1/credits/transactions?format=csv', { token: shopper }),
        {
          params: Promise.resolve({}),
        },
      )
    ).text();
    expect(csv).toContain(key);
    expect(csv).not.toContain(adminId);

    // Entries written before the fix (reference `admin` = the admin's id) are shown the same way.
    await CreditTransaction.updateOne(
      { idempotencyKey: `admin:${key}` },
      { $set: { referenceType: 'admin', referenceId: adminId } },
    );
    const legacy = await callRoute(transactions, '/api/v1/credits/transactions', {
      token: shopper,
    });
    expect(JSON.stringify(legacy.body)).not.toContain(adminId);
    expect(legacy.body).toMatchObject({
      data: expect.arrayContaining([
        expect.objectContaining({ reference_type: 'admin_action', reference_id: key }),
      ]),
    });
  });
});
