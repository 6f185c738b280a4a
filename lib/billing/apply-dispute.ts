import { Payment, type PaymentDoc } from '@/models';
import { grantPurchasedCredits, revokePurchasedCredits } from '@/lib/credits';
import { ensureGranted } from './ensure-granted';
import { findPaymentForCharge } from './find-payment';
import { creditsForAmount, disputeHoldsCredits } from './payment-status';
import { refreshPayment } from './refresh-payment';
import type { DisputeInfo } from './stripe-client';
import type { WebhookOutcome } from './process-stripe-webhook';

const FINAL_DISPUTE_STATUSES = new Set(['won', 'lost', 'warning_closed', 'prevented']);

/**
 * charge.dispute.created and charge.dispute.closed. Both make sure the
 * disputed credits are revoked (key `chargeback:<disputeId>`, only what is
 * still in the paid balance); `closed` in the customer's disfavour keeps them
 * revoked, `closed` in ours restores exactly what was revoked (key
 * `dispute-restore:<disputeId>`). Because `closed` also applies the revoke,
 * the two events converge on the same ledger in either order.
 */
export async function applyDispute(dispute: DisputeInfo): Promise<WebhookOutcome> {
  const payment = await findPaymentForCharge(dispute.chargeId, dispute.paymentIntentId);
  if (!payment) return 'ignored';
  const paymentId = payment._id.toString();
  // A late `created` must not reopen a dispute already closed.
  const keepFinal =
    payment.disputeId === dispute.id && FINAL_DISPUTE_STATUSES.has(payment.disputeStatus ?? '');
  const status =
    keepFinal && !FINAL_DISPUTE_STATUSES.has(dispute.status)
      ? payment.disputeStatus
      : dispute.status;
  await Payment.updateOne(
    { _id: payment._id },
    {
      $set: {
        disputeId: dispute.id,
        disputeStatus: status,
        disputedCents: dispute.amount,
        ...(dispute.chargeId ? { chargeId: dispute.chargeId } : {}),
        ...(dispute.paymentIntentId ? { paymentIntentId: dispute.paymentIntentId } : {}),
      },
    },
  );
  if (
    await ensureGranted(payment, { amountCents: payment.amountCents, currency: dispute.currency })
  ) {
    const revoked = await revokeDisputed(payment, dispute);
    if (!disputeHoldsCredits(status) && revoked > 0) {
      await grantPurchasedCredits({
        userId: payment.userId.toString(),
        credits: revoked,
        idempotencyKey: `dispute-restore:${dispute.id}`,
        description: `Dispute closed in your favour: ${revoked.toLocaleString('en-US')} credits restored`,
        referenceType: 'payment',
        referenceId: paymentId,
        actor: { type: 'system' },
      });
    }
  }
  await refreshPayment(paymentId);
  return 'processed';
}

async function revokeDisputed(payment: PaymentDoc, dispute: DisputeInfo): Promise<number> {
  const credits = creditsForAmount(payment.credits, payment.amountCents, dispute.amount);
  if (credits <= 0) return 0;
  const result = await revokePurchasedCredits({
    userId: payment.userId.toString(),
    credits,
    idempotencyKey: `chargeback:${dispute.id}`,
    description: `Payment disputed: ${credits.toLocaleString('en-US')} purchased credits held back`,
    referenceType: 'payment',
    referenceId: payment._id.toString(),
    actor: { type: 'system' },
    allowDebt: false,
  });
  return result.revoked;
}
