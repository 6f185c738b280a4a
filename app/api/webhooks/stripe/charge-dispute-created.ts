import { applyDispute, toDisputeInfo, type StripeEventHandler } from '@/lib/billing';
import type Stripe from 'stripe';

/** A chargeback opened: the disputed credits are revoked and the payment shows as disputed. */
export const onChargeDisputeCreated: StripeEventHandler<Stripe.ChargeDisputeCreatedEvent> = (
  event,
) => applyDispute(toDisputeInfo(event.data.object));
