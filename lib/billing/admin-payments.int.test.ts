import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@/lib/auth/caller';
import { getBalance, reconcile } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { AdminOperation, AuditLog, CreditTransaction, Payment } from '@/models';
import { POST as refundRoute } from '@/app/api/admin/payments/[id]/refund/route';
import {
  adminGetPayment,
  adminListPayments,
  adminPaymentsQuery,
  adminRefundPayment,
  createCheckout,
} from './index';
import { paidPayment } from '@/lib/testing/payment-fixtures';

// No STRIPE_SECRET_KEY: payments are local test-checkout ones, refunded by the same revocation path.
let finance: Caller;
let financeToken: string;

beforeAll(async () => {
  const doc = await createTestUser({ role: 'finance_admin' });
  finance = { userId: doc._id.toString(), email: doc.email, role: 'finance_admin' } as Caller;
  financeToken = await sessionToken(doc);
});

async function expectReconciled() {
  const report = await reconcile({ repair: false });
  expect(report.differences).toEqual([]);
  expect(report.inconsistencies).toEqual([]);
}

async function revocations(paymentId: string) {
  return CreditTransaction.find({ referenceId: paymentId, type: 'chargeback' }).lean();
}

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  return p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

const body = (extra: { amount_cents?: number; reason?: string } = {}) => ({
  reason: 'customer asked, within policy',
  idempotency_key: crypto.randomUUID(),
  ...extra,
});

/** The use case's input for a route body (the same fields, camelCase). */
const refundInput = (b: { reason: string; idempotency_key: string; amount_cents?: number }) => ({
  reason: b.reason,
  operationId: b.idempotency_key,
  ...(b.amount_cents !== undefined ? { amountCents: b.amount_cents } : {}),
});

describe('adminListPayments', () => {
  it('filters by user, status and date, with gross/refunded/net totals in cents for paid payments only', async () => {
    const buyer = await createTestUser({ email: `totals-${Date.now()}@pay.test` });
    const id = buyer._id.toString();
    const a = await paidPayment(id, 2_100); // 3,780 ¢
    const b = await paidPayment(id, 300); // 600 ¢
    await createCheckout({ userId: id, credits: 1_000 }); // created, never paid
    await adminRefundPayment({
      actor: finance,
      paymentId: b._id.toString(),
      ...refundInput(body({ amount_cents: 100 })),
    });

    const page = await adminListPayments(adminPaymentsQuery.parse({ user: 'totals-' }));
    expect(page.total).toBe(3);
    expect(page.totals).toEqual([
      { currency: 'usd', count: 2, gross_cents: 4_380, refunded_cents: 100, net_cents: 4_280 },
    ]);
    expect(page.data[0]?.user.email).toBe(buyer.email);
    const paid = await adminListPayments(adminPaymentsQuery.parse({ user: id, status: 'paid' }));
    expect(paid.data.map((p) => p.id)).toEqual([a._id.toString()]);
    expect(paid.totals[0]).toMatchObject({
      gross_cents: 3_780,
      refunded_cents: 0,
      net_cents: 3_780,
    });
    const created = await adminListPayments(
      adminPaymentsQuery.parse({ user: id, status: 'created' }),
    );
    expect(created.total).toBe(1);
    expect(created.totals).toEqual([]);
    expect(
      (await adminListPayments(adminPaymentsQuery.parse({ user: id, date_to: '2020-01-01' })))
        .total,
    ).toBe(0);
  });
});

describe('adminRefundPayment (local test checkout)', () => {
  it('a full refund takes the credits back once, through the charge.refunded path, and is audited', async () => {
    const buyer = await createTestUser();
    const userId = buyer._id.toString();
    const p = await paidPayment(userId, 2_100);
    const pid = p._id.toString();
    expect((await getBalance(userId)).paid).toBe(2_100);

    const res = await adminRefundPayment({
      actor: finance,
      paymentId: pid,
      ...refundInput(body()),
    });
    expect(res.replayed).toBe(false);
    expect(res.refund).toMatchObject({ status: 'succeeded', amount_cents: 3_780, via: 'local' });
    expect(res.payment).toMatchObject({
      status: 'refunded',
      refunded_cents: 3_780,
      credits_revoked: 2_100,
    });
    expect((await getBalance(userId)).paid).toBe(0);
    const rev = await revocations(pid);
    expect(rev).toHaveLength(1);
    expect(rev[0]?.idempotencyKey).toMatch(/^stripe-refund:ch_local_[0-9a-f]+:3780$/);

    const audit = await AuditLog.findOne({ action: 'payment.refund', entityId: pid }).lean();
    expect(audit).toMatchObject({
      reason: 'customer asked, within policy',
      before: { status: 'paid', refundedCents: 0, creditsRevoked: 0 },
      after: { status: 'refunded', refundedCents: 3_780, creditsRevoked: 2_100, via: 'local' },
    });
    const detail = await adminGetPayment(pid);
    expect(detail).toMatchObject({
      credits_granted: 2_100,
      can_refund: false,
      refundable_cents: 0,
    });
    expect(detail.ledger.map((e) => e.type)).toEqual(['purchase', 'chargeback']);
    expect(detail.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining([
        'created',
        'paid',
        'ledger.purchase',
        'ledger.chargeback',
        'refund.succeeded',
      ]),
    );
    expect(
      await codeOf(adminRefundPayment({ actor: finance, paymentId: pid, ...refundInput(body()) })),
    ).toBe('invalid_state');
    await expectReconciled();
  });

  it('partial refunds in cents telescope to the whole; too much is refused with what is left', async () => {
    const buyer = await createTestUser();
    const userId = buyer._id.toString();
    const p = await paidPayment(userId, 1_000); // 2,000 ¢
    const pid = p._id.toString();
    const one = await adminRefundPayment({
      actor: finance,
      paymentId: pid,
      ...refundInput(body({ amount_cents: 500 })),
    });
    expect(one.payment).toMatchObject({
      status: 'partially_refunded',
      refunded_cents: 500,
      credits_revoked: 250,
    });
    expect(
      await codeOf(
        adminRefundPayment({
          actor: finance,
          paymentId: pid,
          ...refundInput(body({ amount_cents: 1_501 })),
        }),
      ),
    ).toBe('unprocessable');
    const rest = await adminRefundPayment({
      actor: finance,
      paymentId: pid,
      ...refundInput(body()),
    });
    expect(rest.refund.amount_cents).toBe(1_500);
    expect(rest.payment).toMatchObject({
      status: 'refunded',
      refunded_cents: 2_000,
      credits_revoked: 1_000,
    });
    expect((await getBalance(userId)).paid).toBe(0);
    expect(await revocations(pid)).toHaveLength(2);
    await expectReconciled();
  });

  it('hammer: 20 concurrent full refunds (double-clicks and other admins) revoke once', async () => {
    const buyer = await createTestUser();
    const userId = buyer._id.toString();
    const p = await paidPayment(userId, 2_100);
    const pid = p._id.toString();
    const clicked = body();
    const bodies = [clicked, clicked, clicked, ...Array.from({ length: 17 }, () => body())];
    const results = await Promise.allSettled(
      bodies.map((b) => adminRefundPayment({ actor: finance, paymentId: pid, ...refundInput(b) })),
    );
    const made = results.filter((r) => r.status === 'fulfilled' && !r.value.replayed);
    expect(made).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(['conflict', 'invalid_state']).toContain((r.reason as AppError).code);
    }
    expect(await revocations(pid)).toHaveLength(1);
    expect(await AdminOperation.countDocuments({ entityId: pid, status: 'succeeded' })).toBe(1);
    expect(await AuditLog.countDocuments({ action: 'payment.refund', entityId: pid })).toBe(1);
    const after = await Payment.findById(pid).lean();
    expect(after).toMatchObject({
      refundedCents: 3_780,
      creditsRevoked: 2_100,
      status: 'refunded',
    });
    expect((await getBalance(userId)).paid).toBe(0);
    await expectReconciled();
  });

  it('refuses an unpaid payment; spent credits are a shortfall, never a negative balance', async () => {
    const buyer = await createTestUser();
    const userId = buyer._id.toString();
    const { checkoutSessionId } = await createCheckout({ userId, credits: 300 });
    const open = await Payment.findOne({ checkoutSessionId }).lean();
    expect(
      await codeOf(
        adminRefundPayment({
          actor: finance,
          paymentId: open!._id.toString(),
          ...refundInput(body()),
        }),
      ),
    ).toBe('invalid_state');

    const p = await paidPayment(userId, 300);
    const { spendCredits } = await import('@/lib/credits');
    await spendCredits({
      userId,
      credits: 200,
      idempotencyKey: `usage:test-${Date.now()}`,
      description: 'spent',
      referenceType: 'tryon_job',
      actor: { type: 'user', id: userId },
    });
    const res = await adminRefundPayment({
      actor: finance,
      paymentId: p._id.toString(),
      ...refundInput(body()),
    });
    expect(res.payment).toMatchObject({
      status: 'refunded',
      credits_shortfall: expect.any(Number),
    });
    expect((await getBalance(userId)).paid).toBe(0);
    await expectReconciled();
  });

  it('the route answers 200 for finance, 400 for a missing reason, 404 for an unknown payment', async () => {
    const buyer = await createTestUser();
    const p = await paidPayment(buyer._id.toString(), 300);
    const pid = p._id.toString();
    const path = `/api/admin/payments/${pid}/refund`;
    const bad = await callRoute(refundRoute, path, {
      method: 'POST',
      token: financeToken,
      params: { id: pid },
      body: { idempotency_key: crypto.randomUUID() },
    });
    expect(bad.status).toBe(400);
    const ghost = '0123456789abcdef01234567';
    const missing = await callRoute(refundRoute, `/api/admin/payments/${ghost}/refund`, {
      method: 'POST',
      token: financeToken,
      params: { id: ghost },
      body: body(),
    });
    expect(missing.status).toBe(404);
    const ok = await callRoute(refundRoute, path, {
      method: 'POST',
      token: financeToken,
      params: { id: pid },
      body: body({ amount_cents: 50 }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ replayed: false, refund: { amount_cents: 50 } });
  });
});
