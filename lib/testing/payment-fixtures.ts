import { Payment, type PaymentDoc } from '@/models';
import { createCheckout } from '@/lib/billing/create-checkout';
import { fulfilCheckout } from '@/lib/billing/fulfil-checkout';

/**
 * A purchase completed through the real code (tests only): createCheckout,
 * then the same fulfilment checkout.session.completed runs, so the payment is
 * paid and its credits granted under `purchase:<sessionId>`. In local mode
 * (no STRIPE_SECRET_KEY) the payment is a test-checkout one.
 */
export async function paidPayment(
  userId: string,
  credits = 2_100,
  opts: { paymentIntentId?: string } = {},
): Promise<PaymentDoc> {
  const { checkoutSessionId } = await createCheckout({ userId, credits });
  const p = await Payment.findOne({ checkoutSessionId }).orFail().lean<PaymentDoc>();
  await fulfilCheckout({
    id: checkoutSessionId,
    status: 'complete',
    paymentStatus: 'paid',
    amountTotal: p.amountCents,
    currency: p.currency,
    clientReferenceId: userId,
    customerId: p.customerId ?? null,
    paymentIntentId: opts.paymentIntentId ?? p.paymentIntentId ?? null,
    invoiceId: null,
    url: null,
    metadata: {
      user_id: userId,
      payment_id: p._id.toString(),
      credits: String(p.credits),
      pricing_version: p.pricingVersion,
    },
  });
  return await Payment.findById(p._id).orFail().lean<PaymentDoc>();
}
