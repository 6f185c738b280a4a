import { Payment } from '@/models';
import { revokePurchasedCredits } from '@/lib/credits';
import { ensureGranted } from './ensure-granted';
import { findPaymentForCharge } from './find-payment';
import { creditsForAmount } from './payment-status';
import { refreshPayment } from './refresh-payment';
import type { ChargeInfo } from './stripe-client';
import type { WebhookOutcome } from './process-stripe-webhook';

/**
 * charge.refunded: takes back credits in proportion to the money refunded.
 *
 * Stripe reports the cumulative `amount_refunded`; each refund level L
 * (with the level before it, P, from the event's previous_attributes) takes
 * back credits(L) − credits(P) under the ledger key
 * `stripe-refund:<chargeId>:<L>`. The steps telescope, so partial refunds in
 * any order sum to credits(total refunded), and each applies once.
 *
 * Refund after spend (docs/architecture.md, "Payments"): only what is still
 * in the paid balance is taken back — balances never go negative, free
 * credits are never touched — and the rest is recorded on the payment as
 * `creditsShortfall` with a finance flag.
 */
export async function applyChargeRefund(
  charge: ChargeInfo,
  previousAmountRefunded?: number,
): Promise<WebhookOutcome> {
  const payment = await findPaymentForCharge(charge.id, charge.paymentIntentId);
  if (!payment) return 'ignored';
  const previous =
    previousAmountRefunded ?? Math.min(payment.refundedCents ?? 0, charge.amountRefunded);
  await Payment.updateOne(
    { _id: payment._id },
    {
      $set: {
        chargeId: charge.id,
        ...(charge.paymentIntentId ? { paymentIntentId: charge.paymentIntentId } : {}),
        ...(charge.receiptUrl ? { receiptUrl: charge.receiptUrl } : {}),
        // Refund events may arrive out of order: keep the highest cumulative amount.
        refundedCents: Math.max(payment.refundedCents ?? 0, charge.amountRefunded),
      },
    },
  );
  const paymentId = payment._id.toString();
  if (await ensureGranted(payment, { amountCents: charge.amount, currency: charge.currency })) {
    const take =
      creditsForAmount(payment.credits, payment.amountCents, charge.amountRefunded) -
      creditsForAmount(payment.credits, payment.amountCents, previous);
    if (take > 0) {
      await revokePurchasedCredits({
        userId: payment.userId.toString(),
        credits: take,
        idempotencyKey: `stripe-refund:${charge.id}:${charge.amountRefunded}`,
        description: `Payment refunded: ${take.toLocaleString('en-US')} purchased credits taken back`,
        referenceType: 'payment',
        referenceId: paymentId,
        actor: { type: 'system' },
        allowDebt: false,
      });
    }
  }
  await refreshPayment(paymentId);
  return 'processed';
}
