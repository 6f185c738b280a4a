export { createCheckout, type CreateCheckoutInput, type CheckoutResult } from './create-checkout';
export { ensureStripeCustomer } from './ensure-stripe-customer';
export { getCheckoutStatus } from './get-checkout-status';
export { listPayments } from './list-payments';
export {
  processStripeWebhook,
  type StripeEventHandler,
  type StripeEventHandlers,
  type WebhookOutcome,
  type WebhookResult,
} from './process-stripe-webhook';
export { fulfilCheckout } from './fulfil-checkout';
export { closeCheckout } from './close-checkout';
export { applyChargeRefund } from './apply-charge-refund';
export { applyDispute } from './apply-dispute';
export { refreshPayment } from './refresh-payment';
export {
  getLocalCheckout,
  buildLocalCheckoutEvent,
  type LocalCheckoutView,
  type SignedLocalEvent,
} from './local-checkout';
export { derivePaymentStatus, creditsForAmount, disputeHoldsCredits } from './payment-status';
export { stripeWebhookSecret, stripeConfigured } from './config';
export {
  toCheckoutSessionInfo,
  toChargeInfo,
  toDisputeInfo,
  signStripePayload,
  type CheckoutSessionInfo,
  type ChargeInfo,
  type DisputeInfo,
} from './stripe-client';
export { toPaymentJson } from './serialize';
export * from './schemas';
export * from './admin-schemas';
export { toAdminPaymentJson, toAdminRefundJson, refundableCents } from './admin-serialize';
export { adminListPayments, paymentTotals } from './admin-list-payments';
export { adminGetPayment, findPaymentOrThrow, canRefundPayment } from './admin-get-payment';
export { adminRefundPayment, adminRefundStripeKey } from './admin-refund-payment';
export { parseAmountToCents } from './parse-amount';
