import { applyChargeRefund, toChargeInfo, type StripeEventHandler } from '@/lib/billing';
import type Stripe from 'stripe';

/** Takes back credits in proportion to the refunded money; see applyChargeRefund for the spent-credits policy. */
export const onChargeRefunded: StripeEventHandler<Stripe.ChargeRefundedEvent> = (event) => {
  const previous = event.data.previous_attributes?.amount_refunded;
  return applyChargeRefund(
    toChargeInfo(event.data.object),
    typeof previous === 'number' ? previous : undefined,
  );
};
