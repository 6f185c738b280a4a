import { Payment, type PaymentDoc } from '@/models';
import { stripeConfigured } from './config';
import { stripeClient } from './stripe-client';

export async function findPaymentBySession(checkoutSessionId: string): Promise<PaymentDoc | null> {
  return await Payment.findOne({ checkoutSessionId }).lean<PaymentDoc>();
}

/**
 * The payment behind a charge (refunds, disputes). A refund or dispute can
 * arrive before checkout.session.completed told us the charge and payment
 * intent; then Stripe is asked which Checkout Session made the intent.
 * Null: not a TrailRoom payment (e.g. another product on the same account).
 */
export async function findPaymentForCharge(
  chargeId: string | null,
  paymentIntentId: string | null,
): Promise<PaymentDoc | null> {
  if (chargeId) {
    const p = await Payment.findOne({ chargeId }).lean<PaymentDoc>();
    if (p) return p;
  }
  if (paymentIntentId) {
    const p = await Payment.findOne({ paymentIntentId }).lean<PaymentDoc>();
    if (p) return p;
    if (stripeConfigured() && !paymentIntentId.startsWith('pi_local_')) {
      const sessionId = await stripeClient().findSessionIdByPaymentIntent(paymentIntentId);
      if (sessionId) return findPaymentBySession(sessionId);
    }
  }
  return null;
}
