import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Local-checkout mode: no Stripe key, so events are signed with the local secret (before lib/env loads).
vi.hoisted(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_URL;
});

const sent = vi.hoisted(
  () => [] as Array<{ name: string; id?: string; data: Record<string, unknown> }>,
);
vi.mock('@/lib/jobs', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/jobs')>()),
  sendEvent: async (events: { name: string; id?: string; data: Record<string, unknown> }) => {
    sent.push(events);
    return { ids: [events.id ?? ''] };
  },
}));

import { CreditTransaction, Payment, ProcessedEvent } from '@/models';
import { getBalance, spendCredits } from '@/lib/credits';
import { resetLedgerTestHooks, setLedgerTestHooks } from '@/lib/credits/ledger';
import {
  chargeObject,
  checkoutSessionObject,
  disputeObject,
  stripeEventPayload,
} from '@/lib/billing/stripe-event-payload';
import {
  expectLedgerReconciled,
  makeBuyer,
  makeDeliver,
  processedCount,
  reloadPayment,
  startPurchase,
} from '@/lib/testing/stripe-webhook-harness';
import { POST } from './route';

const deliver = makeDeliver(POST);
const paid = { status: 'complete', paymentStatus: 'paid' } as const;

async function purchaseEntries(userId: string) {
  return CreditTransaction.find({ userId, type: 'purchase' }).lean();
}

/** Delivers one payload three times at once, then once more: exactly one handling, the rest 200 duplicate or 409 in flight. */
async function deliverConcurrently(payload: string) {
  const results = await Promise.all([deliver(payload), deliver(payload), deliver(payload)]);
  for (const r of results) expect([200, 409]).toContain(r.status);
  expect(results.filter((r) => r.status === 200 && r.body.outcome === 'processed')).toHaveLength(1);
  const again = await deliver(payload);
  expect(again).toEqual({ status: 200, body: expect.objectContaining({ outcome: 'duplicate' }) });
  return results;
}

async function expectReconciled() {
  expect(await expectLedgerReconciled()).toEqual({ differences: [], inconsistencies: [] });
}

beforeEach(() => {
  sent.length = 0;
});
afterEach(async () => {
  resetLedgerTestHooks();
  await expectReconciled(); // after every scenario
});

describe('checkout.session.completed', () => {
  it('grants once, however often and however concurrently it is delivered', async () => {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 2_100);
    expect(payment.status).toBe('created');
    const payload = stripeEventPayload(
      'checkout.session.completed',
      checkoutSessionObject(payment, paid),
    );
    await deliverConcurrently(payload);
    // A different event for the same session (Stripe sends completed and async_succeeded for some methods):
    // a new event id, but the ledger key purchase:<sessionId> keeps it one grant.
    const other = stripeEventPayload(
      'checkout.session.async_payment_succeeded',
      checkoutSessionObject(payment, paid),
    );
    await Promise.all([deliver(other), deliver(other), deliver(other)]);

    const entries = await purchaseEntries(userId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      credits: 2_100,
      idempotencyKey: `purchase:${payment.checkoutSessionId}`,
    });
    expect((await getBalance(userId)).paid).toBe(2_100);
    const after = await reloadPayment(payment);
    expect(after.status).toBe('paid');
    expect(after.paidAt).toBeInstanceOf(Date);
    expect(
      sent.filter((e) => e.id === `payment.completed:${payment.checkoutSessionId}`).length,
    ).toBeGreaterThanOrEqual(1);
    expect(sent[0]).toMatchObject({
      name: 'app/user.event',
      data: {
        userId,
        type: 'payment.completed',
        payload: expect.objectContaining({ credits: 2_100, amount_cents: 3_780 }),
      },
    });
  });

  it('does not grant an unpaid session (async method): pending, then async_payment_succeeded grants once', async () => {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 1_000);
    await deliverConcurrently(
      stripeEventPayload(
        'checkout.session.completed',
        checkoutSessionObject(payment, { status: 'complete', paymentStatus: 'unpaid' }),
      ),
    );
    expect((await reloadPayment(payment)).status).toBe('pending');
    expect(await purchaseEntries(userId)).toHaveLength(0);

    await deliverConcurrently(
      stripeEventPayload(
        'checkout.session.async_payment_succeeded',
        checkoutSessionObject(payment, paid),
      ),
    );
    expect(await purchaseEntries(userId)).toHaveLength(1);
    expect((await getBalance(userId)).paid).toBe(1_000);
    expect((await reloadPayment(payment)).status).toBe('paid');
  });

  it('async_payment_failed marks the payment failed and grants nothing', async () => {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 1_000);
    await deliver(
      stripeEventPayload(
        'checkout.session.completed',
        checkoutSessionObject(payment, { status: 'complete', paymentStatus: 'unpaid' }),
      ),
    );
    await deliverConcurrently(
      stripeEventPayload(
        'checkout.session.async_payment_failed',
        checkoutSessionObject(payment, { status: 'complete', paymentStatus: 'unpaid' }),
      ),
    );
    expect((await reloadPayment(payment)).status).toBe('failed');
    expect(await purchaseEntries(userId)).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  it('checkout.session.expired marks it canceled; a late expiry never un-pays a paid one', async () => {
    const userId = await makeBuyer();
    const p1 = await startPurchase(userId, 300);
    await deliverConcurrently(
      stripeEventPayload(
        'checkout.session.expired',
        checkoutSessionObject(p1, { status: 'expired', paymentStatus: 'unpaid' }),
      ),
    );
    expect((await reloadPayment(p1)).status).toBe('canceled');

    const p2 = await startPurchase(userId, 300);
    await deliver(
      stripeEventPayload('checkout.session.completed', checkoutSessionObject(p2, paid)),
    );
    await deliver(
      stripeEventPayload(
        'checkout.session.expired',
        checkoutSessionObject(p2, { status: 'expired', paymentStatus: 'unpaid' }),
      ),
    );
    expect((await reloadPayment(p2)).status).toBe('paid');
  });

  it.each([
    ['amount', { amount_total: 1 }, /amount mismatch/],
    ['currency', { currency: 'eur' }, /currency mismatch/],
    ['credits', { metadata: { credits: '50000' } }, /credits mismatch/],
  ])(
    'refuses and flags a session whose %s disagrees with the payment record',
    async (_what, override, reason) => {
      const userId = await makeBuyer();
      const payment = await startPurchase(userId, 2_100);
      const object = checkoutSessionObject(payment, paid);
      const body = stripeEventPayload('checkout.session.completed', {
        ...object,
        ...override,
        metadata: {
          ...(object.metadata as object),
          ...((override as { metadata?: object }).metadata ?? {}),
        },
      });
      expect((await deliver(body)).status).toBe(200);
      const after = await reloadPayment(payment);
      expect(after.status).toBe('flagged');
      expect(after.flaggedReason).toMatch(reason);
      expect(await purchaseEntries(userId)).toHaveLength(0);
      expect((await getBalance(userId)).paid).toBe(0);
    },
  );

  it('a completed session with no payment record but our metadata is kept, flagged, not granted', async () => {
    const userId = await makeBuyer();
    const body = stripeEventPayload('checkout.session.completed', {
      id: 'cs_test_unknown_1',
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      amount_total: 600,
      currency: 'usd',
      client_reference_id: userId,
      metadata: { user_id: userId, credits: '300', pricing_version: '2026-11-v1' },
    });
    expect((await deliver(body)).status).toBe(200);
    const p = await Payment.findOne({ checkoutSessionId: 'cs_test_unknown_1' }).lean();
    expect(p).toMatchObject({ status: 'flagged' });
    expect((await getBalance(userId)).paid).toBe(0);
  });
});

describe('signature and allow-list (fail closed)', () => {
  it('400 for a tampered body, a wrong secret, an old timestamp or no signature — and nothing changes', async () => {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 2_100);
    const payload = stripeEventPayload(
      'checkout.session.completed',
      checkoutSessionObject(payment, paid),
      { id: 'evt_tamper' },
    );
    const tampered = payload.replace('"amount_total":3780', '"amount_total":3781');
    expect(tampered).not.toBe(payload);
    const cases = [
      await deliver(payload, { body: tampered }), // signed original, delivered modified
      await deliver(payload, { secret: 'whsec_wrong' }),
      await deliver(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }), // older than the 300 s tolerance
      await deliver(payload, { signature: null }),
      await deliver(payload, { signature: 't=1,v1=deadbeef' }),
    ];
    for (const r of cases)
      expect(r).toEqual({
        status: 400,
        body: { error: expect.objectContaining({ code: 'invalid_signature' }) },
      });
    expect(await processedCount('evt_tamper')).toBe(0);
    expect(await CreditTransaction.countDocuments({ userId })).toBe(0);
    expect((await reloadPayment(payment)).status).toBe('created');
  });

  it('acknowledges event types outside the allow-list with 2xx and records nothing', async () => {
    const r = await deliver(
      stripeEventPayload(
        'customer.created',
        { id: 'cus_1', object: 'customer' },
        { id: 'evt_unhandled' },
      ),
    );
    expect(r).toEqual({
      status: 200,
      body: expect.objectContaining({ outcome: 'unhandled_type' }),
    });
    expect(await processedCount('evt_unhandled')).toBe(0);
  });

  it('a failure mid-handling does not block the retry, and the retry does not grant twice', async () => {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 2_100);
    const payload = stripeEventPayload(
      'checkout.session.completed',
      checkoutSessionObject(payment, paid),
      { id: 'evt_crash' },
    );
    // Crash after the ledger entry is written, before anything else: the worst moment.
    setLedgerTestHooks({
      afterInsert: () => {
        throw new Error('simulated crash');
      },
    });
    const first = await deliver(payload);
    expect(first.status).toBe(500);
    expect(await ProcessedEvent.findOne({ eventId: 'evt_crash' }).lean()).toMatchObject({
      status: 'failed',
    });
    resetLedgerTestHooks();
    const retry = await deliver(payload);
    expect(retry).toEqual({ status: 200, body: expect.objectContaining({ outcome: 'processed' }) });
    expect(await purchaseEntries(userId)).toHaveLength(1);
    expect((await getBalance(userId)).paid).toBe(2_100);
    expect((await reloadPayment(payment)).status).toBe('paid');
  });
});

describe('charge.refunded', () => {
  async function paidPurchase(credits = 2_100) {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, credits);
    await deliver(
      stripeEventPayload('checkout.session.completed', checkoutSessionObject(payment, paid)),
    );
    return { userId, payment: await reloadPayment(payment) };
  }

  it('a full refund takes every credit back, once', async () => {
    const { userId, payment } = await paidPurchase();
    await deliverConcurrently(
      stripeEventPayload(
        'charge.refunded',
        chargeObject(payment, { id: 'ch_full', amountRefunded: 3_780 }),
        {
          previousAttributes: { amount_refunded: 0 },
        },
      ),
    );
    expect((await getBalance(userId)).paid).toBe(0);
    const after = await reloadPayment(payment);
    expect(after).toMatchObject({
      status: 'refunded',
      refundedCents: 3_780,
      creditsRevoked: 2_100,
      creditsShortfall: 0,
    });
    expect(after.flaggedReason).toBeUndefined();
  });

  it('partial refunds take back proportionally and add up, in any order', async () => {
    const { userId, payment } = await paidPurchase();
    const half = stripeEventPayload(
      'charge.refunded',
      chargeObject(payment, { id: 'ch_p', amountRefunded: 1_890 }),
      {
        previousAttributes: { amount_refunded: 0 },
      },
    );
    const rest = stripeEventPayload(
      'charge.refunded',
      chargeObject(payment, { id: 'ch_p', amountRefunded: 3_780 }),
      {
        previousAttributes: { amount_refunded: 1_890 },
      },
    );
    await deliverConcurrently(rest); // the second refund's event first
    expect((await getBalance(userId)).paid).toBe(1_050);
    await deliverConcurrently(half);
    expect((await getBalance(userId)).paid).toBe(0);
    expect(await reloadPayment(payment)).toMatchObject({
      status: 'refunded',
      refundedCents: 3_780,
      creditsRevoked: 2_100,
    });
  });

  it('after the credits were spent: takes back what is left, records the shortfall and flags it — never a negative balance', async () => {
    const { userId, payment } = await paidPurchase();
    // 3 free credits go first, then 1,997 paid: 103 paid left.
    await spendCredits({
      userId,
      credits: 2_000,
      idempotencyKey: 'usage:spent-before-refund',
      description: 'try-ons',
      referenceType: 'tryon_job',
      referenceId: 'job-x',
      actor: { type: 'user', id: userId },
    });
    expect(await getBalance(userId)).toMatchObject({ free: 0, paid: 103 });

    await deliverConcurrently(
      stripeEventPayload(
        'charge.refunded',
        chargeObject(payment, { id: 'ch_spent', amountRefunded: 3_780 }),
        {
          previousAttributes: { amount_refunded: 0 },
        },
      ),
    );
    const balance = await getBalance(userId);
    expect(balance.paid).toBe(0);
    expect(balance.total).toBeGreaterThanOrEqual(0);
    const after = await reloadPayment(payment);
    expect(after).toMatchObject({
      status: 'refunded',
      creditsRevoked: 103,
      creditsShortfall: 1_997,
    });
    expect(after.flaggedReason).toMatch(/^shortfall: 1997 credits were already spent/);
    const chargeback = await CreditTransaction.findOne({ userId, type: 'chargeback' }).lean();
    expect(chargeback).toMatchObject({
      credits: -103,
      paidAfter: 0,
      referenceId: payment._id.toString(),
    });
  });

  it('a refund that arrives before checkout.session.completed: granted then taken back; the late completed grants nothing', async () => {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 2_100);
    await deliverConcurrently(
      stripeEventPayload(
        'charge.refunded',
        chargeObject(payment, { id: 'ch_early', amountRefunded: 3_780 }),
        {
          previousAttributes: { amount_refunded: 0 },
        },
      ),
    );
    expect((await getBalance(userId)).paid).toBe(0);
    await deliverConcurrently(
      stripeEventPayload('checkout.session.completed', checkoutSessionObject(payment, paid)),
    );
    expect((await getBalance(userId)).paid).toBe(0);
    expect(await purchaseEntries(userId)).toHaveLength(1);
    expect(await reloadPayment(payment)).toMatchObject({
      status: 'refunded',
      creditsRevoked: 2_100,
      creditsShortfall: 0,
    });
  });

  it('ignores refunds of charges that are not ours (2xx, nothing changes)', async () => {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 300);
    const r = await deliver(
      stripeEventPayload(
        'charge.refunded',
        chargeObject(payment, {
          id: 'ch_other',
          amountRefunded: 600,
          paymentIntentId: 'pi_elsewhere',
        }),
      ),
    );
    expect(r).toEqual({ status: 200, body: expect.objectContaining({ outcome: 'ignored' }) });
    expect(await CreditTransaction.countDocuments({ userId })).toBe(0);
  });
});

describe('charge.dispute.*', () => {
  async function paidPurchase() {
    const userId = await makeBuyer();
    const payment = await startPurchase(userId, 2_100);
    await deliver(
      stripeEventPayload('checkout.session.completed', checkoutSessionObject(payment, paid)),
    );
    return { userId, payment: await reloadPayment(payment) };
  }

  it('created revokes the credits (disputed); closed as won restores them', async () => {
    const { userId, payment } = await paidPurchase();
    await deliverConcurrently(
      stripeEventPayload(
        'charge.dispute.created',
        disputeObject(payment, { id: 'dp_won', chargeId: 'ch_dw', status: 'needs_response' }),
      ),
    );
    expect((await getBalance(userId)).paid).toBe(0);
    expect(await reloadPayment(payment)).toMatchObject({
      status: 'disputed',
      disputeStatus: 'needs_response',
      creditsRevoked: 2_100,
    });

    await deliverConcurrently(
      stripeEventPayload(
        'charge.dispute.closed',
        disputeObject(payment, { id: 'dp_won', chargeId: 'ch_dw', status: 'won' }),
      ),
    );
    expect((await getBalance(userId)).paid).toBe(2_100);
    expect(await reloadPayment(payment)).toMatchObject({
      status: 'paid',
      disputeStatus: 'won',
      creditsRevoked: 0,
    });
  });

  it('closed as lost keeps them revoked', async () => {
    const { userId, payment } = await paidPurchase();
    await deliver(
      stripeEventPayload(
        'charge.dispute.created',
        disputeObject(payment, { id: 'dp_lost', chargeId: 'ch_dl', status: 'needs_response' }),
      ),
    );
    await deliverConcurrently(
      stripeEventPayload(
        'charge.dispute.closed',
        disputeObject(payment, { id: 'dp_lost', chargeId: 'ch_dl', status: 'lost' }),
      ),
    );
    expect((await getBalance(userId)).paid).toBe(0);
    expect(await reloadPayment(payment)).toMatchObject({
      status: 'disputed',
      disputeStatus: 'lost',
      creditsRevoked: 2_100,
    });
  });

  it('closed (won) before created ends the same as in order: nothing lost, the late created reopens nothing', async () => {
    const { userId, payment } = await paidPurchase();
    await deliver(
      stripeEventPayload(
        'charge.dispute.closed',
        disputeObject(payment, { id: 'dp_ooo', chargeId: 'ch_o', status: 'won' }),
      ),
    );
    await deliver(
      stripeEventPayload(
        'charge.dispute.created',
        disputeObject(payment, { id: 'dp_ooo', chargeId: 'ch_o', status: 'needs_response' }),
      ),
    );
    expect((await getBalance(userId)).paid).toBe(2_100);
    expect(await reloadPayment(payment)).toMatchObject({ status: 'paid', disputeStatus: 'won' });
  });

  it('a dispute after the credits were spent records the shortfall, no negative balance', async () => {
    const { userId, payment } = await paidPurchase();
    await spendCredits({
      userId,
      credits: 2_103,
      idempotencyKey: 'usage:all-of-it',
      description: 'try-ons',
      referenceType: 'tryon_job',
      actor: { type: 'user', id: userId },
    });
    await deliver(
      stripeEventPayload(
        'charge.dispute.created',
        disputeObject(payment, { id: 'dp_spent', chargeId: 'ch_s', status: 'needs_response' }),
      ),
    );
    expect((await getBalance(userId)).paid).toBe(0);
    expect(await reloadPayment(payment)).toMatchObject({
      status: 'disputed',
      creditsRevoked: 0,
      creditsShortfall: 2_100,
    });
  });
});
