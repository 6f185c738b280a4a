import { Payment, type PaymentDoc } from '@/models';
import { getBalance } from '@/lib/credits';
import { notFound } from '@/lib/errors';
import type { CheckoutStatusJson } from './schemas';

/** What the success page polls: the payment's status and the owner's balance. Owner only. */
export async function getCheckoutStatus(
  sessionId: string,
  userId: string,
): Promise<CheckoutStatusJson> {
  const p = await Payment.findOne({ checkoutSessionId: sessionId }).lean<PaymentDoc>();
  if (!p || p.userId.toString() !== userId) throw notFound('Checkout');
  const balance = await getBalance(userId);
  return {
    checkout_session_id: p.checkoutSessionId,
    status: p.status,
    credits: p.credits,
    amount_cents: p.amountCents,
    currency: p.currency,
    credits_granted: Boolean(p.paidAt),
    balance: { free: balance.free, paid: balance.paid, total: balance.total },
  };
}
