import type { PaymentStatus } from '@/models/payment';
import { divideRoundHalfUp } from '@/lib/pricing';

/** Dispute outcomes after which the credits are given back. */
const DISPUTE_RESOLVED_FOR_US = new Set(['won', 'warning_closed', 'prevented']);

export function disputeHoldsCredits(disputeStatus: string | null | undefined): boolean {
  return Boolean(disputeStatus) && !DISPUTE_RESOLVED_FOR_US.has(disputeStatus as string);
}

/**
 * Credits that correspond to `partCents` of a payment of `amountCents` for
 * `credits` credits, rounded half up, clamped to [0, credits]. A full refund
 * is always exactly `credits`.
 */
export function creditsForAmount(credits: number, amountCents: number, partCents: number): number {
  if (amountCents <= 0 || partCents <= 0) return 0;
  if (partCents >= amountCents) return credits;
  return Math.min(credits, divideRoundHalfUp(credits * partCents, amountCents));
}

export interface PaymentFacts {
  status: PaymentStatus;
  amountCents: number;
  refundedCents?: number | null;
  paidAt?: Date | null;
  failedAt?: Date | null;
  canceledAt?: Date | null;
  flaggedReason?: string | null;
  disputeStatus?: string | null;
}

/**
 * The status shown to people, derived from recorded facts rather than set by
 * each event, so that events applied in any order (a refund before its
 * checkout.session.completed, a dispute closing before it opened) end in the
 * same status. Granted payments show the money story (paid → partially
 * refunded → refunded, disputed on top); ungranted ones show why not.
 */
export function derivePaymentStatus(f: PaymentFacts): PaymentStatus {
  if (!f.paidAt) {
    if (f.flaggedReason) return 'flagged';
    if (f.failedAt) return 'failed';
    if (f.canceledAt) return 'canceled';
    return f.status === 'pending' ? 'pending' : 'created';
  }
  if (disputeHoldsCredits(f.disputeStatus)) return 'disputed';
  const refunded = f.refundedCents ?? 0;
  if (refunded >= f.amountCents && f.amountCents > 0) return 'refunded';
  if (refunded > 0) return 'partially_refunded';
  return 'paid';
}
