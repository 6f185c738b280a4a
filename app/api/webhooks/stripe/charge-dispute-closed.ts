import { applyDispute, toDisputeInfo, type StripeEventHandler } from '@/lib/billing';
import type Stripe from 'stripe';

/** A chargeback closed: won → the revoked credits come back; lost → they stay revoked. */
export const onChargeDisputeClosed: StripeEventHandler<Stripe.ChargeDisputeClosedEvent> = (event) =>
  applyDispute(toDisputeInfo(event.data.object));
