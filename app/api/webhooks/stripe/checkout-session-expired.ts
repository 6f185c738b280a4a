import { closeCheckout, toCheckoutSessionInfo, type StripeEventHandler } from '@/lib/billing';
import type Stripe from 'stripe';

/** The session expired unpaid (or the test checkout was cancelled): the payment is marked canceled. */
export const onCheckoutSessionExpired: StripeEventHandler<Stripe.CheckoutSessionExpiredEvent> = (
  event,
) => closeCheckout(toCheckoutSessionInfo(event.data.object), 'canceled');
