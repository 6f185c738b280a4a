import type { StripeEventHandlers } from '@/lib/billing';
import { onChargeDisputeClosed } from './charge-dispute-closed';
import { onChargeDisputeCreated } from './charge-dispute-created';
import { onChargeRefunded } from './charge-refunded';
import { onCheckoutSessionAsyncPaymentFailed } from './checkout-session-async-payment-failed';
import { onCheckoutSessionAsyncPaymentSucceeded } from './checkout-session-async-payment-succeeded';
import { onCheckoutSessionCompleted } from './checkout-session-completed';
import { onCheckoutSessionExpired } from './checkout-session-expired';

/** The allow-list of handled Stripe events, one handler file each. Anything else is acknowledged and ignored. */
export const STRIPE_EVENT_HANDLERS: StripeEventHandlers = {
  'checkout.session.completed': onCheckoutSessionCompleted,
  'checkout.session.async_payment_succeeded': onCheckoutSessionAsyncPaymentSucceeded,
  'checkout.session.async_payment_failed': onCheckoutSessionAsyncPaymentFailed,
  'checkout.session.expired': onCheckoutSessionExpired,
  'charge.refunded': onChargeRefunded,
  'charge.dispute.created': onChargeDisputeCreated,
  'charge.dispute.closed': onChargeDisputeClosed,
};
