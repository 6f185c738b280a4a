import type { PaymentDoc } from '@/models';
import { flagPayment, grantPayment, paymentMismatch } from './grant-payment';

/**
 * A refund or dispute proves the payment was made, even when it arrives
 * before checkout.session.completed: grant first (same ledger key, so the
 * late completed event replays) and then take back. Returns false when the
 * payment is (or must be) refused — then nothing was granted and nothing is
 * taken back.
 */
export async function ensureGranted(
  payment: PaymentDoc,
  charged: { amountCents: number; currency: string },
): Promise<boolean> {
  if (payment.paidAt) return true;
  if (payment.flaggedReason) return false;
  const mismatch = paymentMismatch(payment, {
    amountCents: charged.amountCents,
    currency: charged.currency,
  });
  if (mismatch) {
    await flagPayment(payment, mismatch);
    return false;
  }
  await grantPayment(payment);
  return true;
}
