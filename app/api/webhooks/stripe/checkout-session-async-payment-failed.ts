import { closeCheckout, toCheckoutSessionInfo, type StripeEventHandler } from '@/lib/billing';
import type Stripe from 'stripe';

/** A delayed payment method failed: the payment is marked failed, nothing is granted. */
export const onCheckoutSessionAsyncPaymentFailed: StripeEventHandler<
  Stripe.CheckoutSessionAsyncPaymentFailedEvent
> = (event) => closeCheckout(toCheckoutSessionInfo(event.data.object), 'failed');
