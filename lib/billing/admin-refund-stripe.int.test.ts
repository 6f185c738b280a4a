import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeMock } from '@/lib/testing/stripe-mock';

// Stripe's API emulator behind a recording proxy; set before any app module loads lib/env.
const mock = await startStripeMock();
process.env.STRIPE_SECRET_KEY = 'sk_test_trailroomStripeMock';
process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_trailroom';
process.env.STRIPE_API_URL = mock.url;

const { AdminOperation, AuditLog, CreditTransaction, Payment } = await import('@/models');
const { adminRefundPayment, adminGetPayment } = await import('./index');
const { chargeObject, stripeEventPayload } = await import('./stripe-event-payload');
const { paidPayment } = await import('@/lib/testing/payment-fixtures');
const { createStripeClient } = await import('./stripe-client');
const { makeDeliver, expectLedgerReconciled } =
  await import('@/lib/testing/stripe-webhook-harness');
const { createTestUser } = await import('@/lib/testing/session-request');
const { getBalance } = await import('@/lib/credits');
const { POST: webhookRoute } = await import('@/app/api/webhooks/stripe/route');
type Caller = import('@/lib/auth/caller').Caller;

const deliver = makeDeliver(webhookRoute as never);
let finance: Caller;

beforeAll(async () => {
  const doc = await createTestUser({ role: 'finance_admin' });
  finance = { userId: doc._id.toString(), email: doc.email, role: 'finance_admin' } as Caller;
});

afterAll(async () => {
  await mock.stop();
});

const refundCalls = () =>
  mock.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds');

/** The use case's input for a route body (the same fields, camelCase). */
const refundInput = (b: { reason: string; idempotency_key: string; amount_cents?: number }) => ({
  reason: b.reason,
  operationId: b.idempotency_key,
  ...(b.amount_cents !== undefined ? { amountCents: b.amount_cents } : {}),
});

describe('admin refund of a Stripe payment (stripe-mock)', () => {
  it('refunds at Stripe with an idempotency key; charge.refunded then revokes once, however often it arrives', async () => {
    const buyer = await createTestUser();
    const userId = buyer._id.toString();
    const p = await paidPayment(userId, 2_100, { paymentIntentId: 'pi_admin_refund_1' });
    const pid = p._id.toString();
    expect(p.provider).toBe('stripe');
    expect((await getBalance(userId)).paid).toBe(2_100);
    mock.requests.length = 0;

    const res = await adminRefundPayment({
      actor: finance,
      paymentId: pid,
      ...refundInput({
        amount_cents: 1_890,
        reason: 'half the pack, goodwill',
        idempotency_key: crypto.randomUUID(),
      }),
    });
    const [call] = refundCalls();
    expect(refundCalls()).toHaveLength(1);
    expect(call?.idempotencyKey).toBe(`admin-refund:${pid}:1`);
    expect(call?.params).toMatchObject({
      payment_intent: 'pi_admin_refund_1',
      amount: '1890',
      reason: 'requested_by_customer',
      'metadata[payment_id]': pid,
    });
    expect(res.refund).toMatchObject({ status: 'succeeded', via: 'stripe', amount_cents: 1_890 });
    expect(res.refund.stripe_refund_id).toMatch(/^re_/);
    // Stripe moved the money; the credits wait for its webhook.
    expect((await getBalance(userId)).paid).toBe(2_100);

    const charge = await Payment.findById(pid).lean();
    const payload = stripeEventPayload(
      'charge.refunded',
      chargeObject(charge as never, { id: 'ch_admin_refund_1', amountRefunded: 1_890 }),
      { previousAttributes: { amount_refunded: 0 } },
    );
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)));
    expect(deliveries.every((d) => d.status === 200 || d.status === 409)).toBe(true);
    await deliver(payload);
    expect((await getBalance(userId)).paid).toBe(1_050);
    expect(await CreditTransaction.countDocuments({ referenceId: pid, type: 'chargeback' })).toBe(
      1,
    );
    const detail = await adminGetPayment(pid);
    expect(detail).toMatchObject({
      status: 'partially_refunded',
      refunded_cents: 1_890,
      credits_revoked: 1_050,
      charge_id: 'ch_admin_refund_1',
      refundable_cents: 1_890,
      refund_via: 'stripe',
    });
    expect(await AuditLog.countDocuments({ action: 'payment.refund', entityId: pid })).toBe(1);
    const report = await expectLedgerReconciled();
    expect(report.differences).toEqual([]);
  });

  it('10 concurrent refund requests make one Stripe refund call; a double-click replays it', async () => {
    const buyer = await createTestUser();
    const p = await paidPayment(buyer._id.toString(), 300, {
      paymentIntentId: 'pi_admin_refund_2',
    });
    const pid = p._id.toString();
    mock.requests.length = 0;
    const key = crypto.randomUUID();
    const bodies = [key, key, ...Array.from({ length: 8 }, () => crypto.randomUUID())].map((k) => ({
      reason: 'duplicate purchase',
      idempotency_key: k,
    }));
    const results = await Promise.allSettled(
      bodies.map((b) => adminRefundPayment({ actor: finance, paymentId: pid, ...refundInput(b) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled' && !r.value.replayed)).toHaveLength(1);
    expect(refundCalls()).toHaveLength(1);
    expect(await AdminOperation.countDocuments({ entityId: pid, kind: 'payment.refund' })).toBe(1);
  });

  it('Stripe unreachable: the refund is marked failed, nothing moves, and a later attempt goes through', async () => {
    const buyer = await createTestUser();
    const userId = buyer._id.toString();
    const p = await paidPayment(userId, 300, { paymentIntentId: 'pi_admin_refund_3' });
    const pid = p._id.toString();
    const g = globalThis as { __trailroomStripe?: unknown };
    const live = g.__trailroomStripe;
    g.__trailroomStripe = createStripeClient({
      secretKey: 'sk_test_x',
      apiUrl: 'http://127.0.0.1:9',
    });
    try {
      const err = await adminRefundPayment({
        actor: finance,
        paymentId: pid,
        ...refundInput({ reason: 'Stripe is down', idempotency_key: crypto.randomUUID() }),
      }).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('service_unavailable');
    } finally {
      g.__trailroomStripe = live;
    }
    expect((await AdminOperation.findOne({ entityId: pid }).lean())?.status).toBe('failed');
    expect(await AuditLog.countDocuments({ entityId: pid })).toBe(0);
    expect((await Payment.findById(pid).lean())?.refundedCents ?? 0).toBe(0);
    const ok = await adminRefundPayment({
      actor: finance,
      paymentId: pid,
      ...refundInput({ reason: 'second attempt', idempotency_key: crypto.randomUUID() }),
    });
    expect(ok.refund).toMatchObject({ seq: 2, status: 'succeeded', amount_cents: 600 });
    expect((await getBalance(userId)).paid).toBe(300);
  });
});
