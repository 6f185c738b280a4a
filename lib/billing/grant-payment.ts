import { Payment, type PaymentDoc } from '@/models';
import { grantPurchasedCredits } from '@/lib/credits';
import { USER_EVENT, type UserEventData } from '@/lib/events';
import { sendEvent } from '@/lib/jobs';
import { refreshPayment } from './refresh-payment';

/**
 * Grants a payment's credits, exactly once whatever calls it and how often:
 * the ledger key `purchase:<checkoutSessionId>` is the guarantee. Then raises
 * `payment.completed` for the user's webhooks under a deterministic event id,
 * so a replay sends nothing new. Sending is not swallowed: if it fails the
 * webhook answers 5xx, Stripe retries, the grant replays and the send is retried.
 */
export async function grantPayment(payment: PaymentDoc): Promise<void> {
  const paymentId = payment._id.toString();
  const userId = payment.userId.toString();
  const { entry } = await grantPurchasedCredits({
    userId,
    credits: payment.credits,
    idempotencyKey: `purchase:${payment.checkoutSessionId}`,
    description: `Bought ${payment.credits.toLocaleString('en-US')} credits`,
    referenceType: 'payment',
    referenceId: paymentId,
    actor: { type: 'system' },
  });
  // The ledger entry's time is the same on every replay: a deterministic value, safe to set again.
  await Payment.updateOne({ _id: payment._id }, { $set: { paidAt: entry.createdAt } });
  const updated = await refreshPayment(paymentId);
  const data: UserEventData = {
    userId,
    type: 'payment.completed',
    occurredAt: entry.createdAt.toISOString(),
    payload: {
      payment_id: paymentId,
      checkout_session_id: payment.checkoutSessionId,
      credits: payment.credits,
      amount_cents: payment.amountCents,
      currency: payment.currency,
      pricing_version: payment.pricingVersion,
      status: updated?.status ?? 'paid',
    },
  };
  await sendEvent({
    name: USER_EVENT,
    data: { ...data },
    id: `payment.completed:${payment.checkoutSessionId}`,
  });
}

/**
 * Why an amount reported by Stripe cannot be this payment, or null when it
 * agrees. A disagreement is never granted: the payment is flagged for finance.
 */
export function paymentMismatch(
  payment: PaymentDoc,
  seen: {
    amountCents: number | null;
    currency: string | null;
    userId?: string | null;
    credits?: string | null;
  },
): string | null {
  if (seen.amountCents !== payment.amountCents) {
    return `amount mismatch: Stripe reported ${seen.amountCents ?? 'none'}, expected ${payment.amountCents} (cents)`;
  }
  if ((seen.currency ?? '').toLowerCase() !== payment.currency) {
    return `currency mismatch: Stripe reported ${seen.currency ?? 'none'}, expected ${payment.currency}`;
  }
  if (seen.userId && seen.userId !== payment.userId.toString())
    return 'user mismatch: the session belongs to another user';
  if (seen.credits && seen.credits !== String(payment.credits)) {
    return `credits mismatch: session says ${seen.credits}, expected ${payment.credits}`;
  }
  return null;
}

/** Refuses a payment: recorded with the reason, never granted. */
export async function flagPayment(payment: PaymentDoc, reason: string): Promise<void> {
  await Payment.updateOne({ _id: payment._id }, { $set: { flaggedReason: reason.slice(0, 500) } });
  await refreshPayment(payment._id.toString());
}
