import { fulfilCheckout, toCheckoutSessionInfo, type StripeEventHandler } from '@/lib/billing';
import type Stripe from 'stripe';

/** Paid → grant (exactly once, key purchase:<sessionId>); unpaid (async method) → pending; mismatch → flagged. */
export const onCheckoutSessionCompleted: StripeEventHandler<
  Stripe.CheckoutSessionCompletedEvent
> = (event) => fulfilCheckout(toCheckoutSessionInfo(event.data.object));
