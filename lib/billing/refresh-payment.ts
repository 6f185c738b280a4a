import { CreditTransaction, Payment, type PaymentDoc } from '@/models';
import { creditsForAmount, derivePaymentStatus, disputeHoldsCredits } from './payment-status';

const SHORTFALL_PREFIX = 'shortfall:';

/**
 * Recomputes a payment's derived fields — status, creditsRevoked,
 * creditsShortfall — from its recorded facts and its ledger entries (the
 * ledger is the truth). Called after every change, so events applied in any
 * order, or a lost concurrent update, converge on the same record.
 *
 * Shortfall: what refunds and a standing dispute should have taken back,
 * minus what the ledger did take back (credits already spent cannot be:
 * balances never go negative). A shortfall flags the payment for finance.
 */
export async function refreshPayment(paymentId: string): Promise<PaymentDoc | null> {
  const p = await Payment.findById(paymentId).lean<PaymentDoc>();
  if (!p) return null;
  const entries = await CreditTransaction.find({
    userId: p.userId,
    referenceType: 'payment',
    referenceId: paymentId,
  })
    .select('idempotencyKey credits')
    .lean();
  let refundRevoked = 0;
  let disputeRevoked = 0;
  let restored = 0;
  for (const e of entries) {
    if (e.idempotencyKey.startsWith('stripe-refund:')) refundRevoked += -e.credits;
    else if (e.idempotencyKey.startsWith('chargeback:')) disputeRevoked += -e.credits;
    else if (e.idempotencyKey.startsWith('dispute-restore:')) restored += e.credits;
  }
  const creditsRevoked = Math.max(0, refundRevoked + disputeRevoked - restored);
  const refundTarget = creditsForAmount(p.credits, p.amountCents, p.refundedCents ?? 0);
  const disputeTarget = disputeHoldsCredits(p.disputeStatus)
    ? creditsForAmount(p.credits, p.amountCents, p.disputedCents ?? 0)
    : 0;
  const shortfall = p.paidAt
    ? Math.min(
        p.credits - creditsRevoked,
        Math.max(0, refundTarget - refundRevoked) + Math.max(0, disputeTarget - disputeRevoked),
      )
    : 0;

  let flaggedReason = p.flaggedReason ?? undefined;
  const isShortfallNote = !flaggedReason || flaggedReason.startsWith(SHORTFALL_PREFIX);
  if (isShortfallNote) {
    flaggedReason =
      shortfall > 0
        ? `${SHORTFALL_PREFIX} ${shortfall} credits were already spent and could not be taken back; review for finance`
        : undefined;
  }
  const status = derivePaymentStatus({ ...p, flaggedReason: flaggedReason ?? null });
  await Payment.updateOne(
    { _id: p._id },
    {
      $set: {
        status,
        creditsRevoked,
        creditsShortfall: Math.max(0, shortfall),
        ...(flaggedReason ? { flaggedReason } : {}),
      },
      ...(flaggedReason ? {} : { $unset: { flaggedReason: 1 } }),
    },
  );
  return {
    ...p,
    status,
    creditsRevoked,
    creditsShortfall: Math.max(0, shortfall),
    flaggedReason,
  } as PaymentDoc;
}
