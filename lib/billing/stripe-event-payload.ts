import { randomBytes } from 'node:crypto';
import type { PaymentDoc } from '@/models';

/**
 * Builds Stripe-shaped event bodies. Used by the local test checkout (whose
 * events then go through the same signature check and handlers as Stripe's)
 * and by the tests. Only the fields TrailRoom reads are filled in.
 */
export function stripeEventPayload(
  type: string,
  object: Record<string, unknown>,
  opts: { id?: string; previousAttributes?: Record<string, unknown>; createdSeconds?: number } = {},
): string {
  return JSON.stringify({
    id: opts.id ?? `evt_local_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: opts.createdSeconds ?? Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object,
      ...(opts.previousAttributes ? { previous_attributes: opts.previousAttributes } : {}),
    },
  });
}

/** A checkout.session object for a recorded payment, as Stripe would send it. */
export function checkoutSessionObject(
  payment: PaymentDoc,
  state: { status: 'complete' | 'expired' | 'open'; paymentStatus: 'paid' | 'unpaid' },
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: payment.checkoutSessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: state.status,
    payment_status: state.paymentStatus,
    amount_subtotal: payment.amountCents,
    amount_total: payment.amountCents,
    currency: payment.currency,
    client_reference_id: payment.userId.toString(),
    customer: payment.customerId ?? null,
    payment_intent: payment.paymentIntentId ?? null,
    invoice: null,
    url: null,
    metadata: {
      user_id: payment.userId.toString(),
      payment_id: payment._id.toString(),
      credits: String(payment.credits),
      pricing_version: payment.pricingVersion,
    },
    ...overrides,
  };
}

/** A charge object for a payment (refund events). */
export function chargeObject(
  payment: PaymentDoc,
  opts: {
    id: string;
    amountRefunded: number;
    amount?: number;
    currency?: string;
    paymentIntentId?: string | null;
  },
): Record<string, unknown> {
  return {
    id: opts.id,
    object: 'charge',
    amount: opts.amount ?? payment.amountCents,
    amount_captured: opts.amount ?? payment.amountCents,
    amount_refunded: opts.amountRefunded,
    refunded: opts.amountRefunded >= (opts.amount ?? payment.amountCents),
    currency: opts.currency ?? payment.currency,
    payment_intent:
      opts.paymentIntentId === undefined ? (payment.paymentIntentId ?? null) : opts.paymentIntentId,
    receipt_url: null,
    status: 'succeeded',
    paid: true,
  };
}

/** A dispute object for a payment's charge. */
export function disputeObject(
  payment: PaymentDoc,
  opts: { id: string; chargeId: string; status: string; amount?: number },
): Record<string, unknown> {
  return {
    id: opts.id,
    object: 'dispute',
    amount: opts.amount ?? payment.amountCents,
    currency: payment.currency,
    charge: opts.chargeId,
    payment_intent: payment.paymentIntentId ?? null,
    status: opts.status,
    reason: 'fraudulent',
  };
}
