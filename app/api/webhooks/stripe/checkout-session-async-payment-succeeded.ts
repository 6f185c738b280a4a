import { fulfilCheckout, toCheckoutSessionInfo, type StripeEventHandler } from '@/lib/billing';
import type Stripe from 'stripe';

/** A delayed payment method cleared: same path as a paid completed session. */
export const onCheckoutSessionAsyncPaymentSucceeded: StripeEventHandler<
  Stripe.CheckoutSessionAsyncPaymentSucceededEvent
> = (event) => fulfilCheckout(toCheckoutSessionInfo(event.data.object));
