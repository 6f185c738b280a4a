import { Payment } from '@/models';
import { findPaymentBySession } from './find-payment';
import { refreshPayment } from './refresh-payment';
import type { CheckoutSessionInfo } from './stripe-client';
import type { WebhookOutcome } from './process-stripe-webhook';

/**
 * checkout.session.async_payment_failed (`failed`) and checkout.session.expired
 * (`canceled`): recorded as facts; a payment already granted keeps its status
 * (derivePaymentStatus ignores these once paidAt is set).
 */
export async function closeCheckout(
  session: CheckoutSessionInfo,
  outcome: 'failed' | 'canceled',
): Promise<WebhookOutcome> {
  const payment = await findPaymentBySession(session.id);
  if (!payment) return 'ignored';
  const field = outcome === 'failed' ? 'failedAt' : 'canceledAt';
  await Payment.updateOne({ _id: payment._id }, { $set: { [field]: new Date() } });
  await refreshPayment(payment._id.toString());
  return 'processed';
}
