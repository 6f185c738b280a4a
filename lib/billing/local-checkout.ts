import { Payment, type PaymentDoc } from '@/models';
import { localCheckoutEnabled } from '@/lib/env';
import { AppError, notFound } from '@/lib/errors';
import { stripeWebhookSecret } from './config';
import { checkoutSessionObject, stripeEventPayload } from './stripe-event-payload';
import { signStripePayload } from './stripe-client';

/**
 * The local test checkout: stands in for Stripe's hosted page when
 * STRIPE_SECRET_KEY is unset, never in production (localCheckoutEnabled is
 * false there, and every entry point answers 404). Paying produces a signed
 * `checkout.session.completed` that the caller delivers to the real webhook
 * route, so the purchase completes exactly as a Stripe one would.
 */

export interface LocalCheckoutView {
  sessionId: string;
  status: PaymentDoc['status'];
  credits: number;
  currency: string;
  listAmountCents: number;
  discountCents: number;
  amountCents: number;
  pricingVersion: string;
}

async function loadOwnLocalPayment(sessionId: string, userId: string): Promise<PaymentDoc> {
  if (!localCheckoutEnabled) throw notFound('Checkout');
  const p = await Payment.findOne({ checkoutSessionId: sessionId }).lean<PaymentDoc>();
  // Someone else's checkout is indistinguishable from a missing one.
  if (!p || p.provider !== 'local' || p.userId.toString() !== userId) throw notFound('Checkout');
  return p;
}

export async function getLocalCheckout(
  sessionId: string,
  userId: string,
): Promise<LocalCheckoutView> {
  const p = await loadOwnLocalPayment(sessionId, userId);
  return {
    sessionId: p.checkoutSessionId,
    status: p.status,
    credits: p.credits,
    currency: p.currency,
    listAmountCents: p.listAmountCents,
    discountCents: p.discountCents,
    amountCents: p.amountCents,
    pricingVersion: p.pricingVersion,
  };
}

export interface SignedLocalEvent {
  payload: string;
  signature: string;
  /** Where the browser goes next, like Stripe's success/cancel URLs. */
  redirectTo: string;
}

/** Builds and signs the event a Pay or Cancel on the test checkout produces. */
export async function buildLocalCheckoutEvent(input: {
  sessionId: string;
  userId: string;
  action: 'pay' | 'cancel';
}): Promise<SignedLocalEvent> {
  const p = await loadOwnLocalPayment(input.sessionId, input.userId);
  const secret = stripeWebhookSecret();
  if (!secret) throw new AppError('misconfigured', 'No webhook secret for the local checkout');
  const closed = p.status === 'canceled' || p.status === 'failed' || p.status === 'flagged';
  if (input.action === 'pay' && closed)
    throw new AppError('invalid_state', 'This checkout is closed. Start a new purchase.');
  if (input.action === 'cancel' && p.paidAt)
    throw new AppError('invalid_state', 'This checkout is already paid.');
  // Deterministic event ids: a double-click delivers the same event twice, and the second is a duplicate.
  const payload =
    input.action === 'pay'
      ? stripeEventPayload(
          'checkout.session.completed',
          checkoutSessionObject(p, { status: 'complete', paymentStatus: 'paid' }),
          {
            id: `evt_${p.checkoutSessionId}_completed`,
          },
        )
      : stripeEventPayload(
          'checkout.session.expired',
          checkoutSessionObject(p, { status: 'expired', paymentStatus: 'unpaid' }),
          {
            id: `evt_${p.checkoutSessionId}_expired`,
          },
        );
  return {
    payload,
    signature: signStripePayload(payload, secret),
    redirectTo:
      input.action === 'pay'
        ? `/billing/success?session_id=${encodeURIComponent(p.checkoutSessionId)}`
        : '/pricing?canceled=1',
  };
}
