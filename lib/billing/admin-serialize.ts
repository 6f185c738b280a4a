import type { AdminOperationDoc, PaymentDoc } from '@/models';
import type { AdminPaymentJson, AdminRefundJson } from './admin-schemas';
import { toPaymentJson } from './serialize';

/** Cents still refundable: only a paid payment, and not while a dispute holds it. */
export function refundableCents(
  p: Pick<PaymentDoc, 'paidAt' | 'amountCents' | 'refundedCents'>,
): number {
  if (!p.paidAt) return 0;
  return Math.max(0, p.amountCents - (p.refundedCents ?? 0));
}

export function toAdminPaymentJson(p: PaymentDoc, email: string | null): AdminPaymentJson {
  return {
    ...toPaymentJson(p),
    user: { id: p.userId.toString(), email },
    provider: p.provider,
    payment_intent_id: p.paymentIntentId ?? null,
    charge_id: p.chargeId ?? null,
    customer_id: p.customerId ?? null,
    credits_shortfall: p.creditsShortfall ?? 0,
    dispute_status: p.disputeStatus ?? null,
    flagged_reason: p.flaggedReason ?? null,
    refundable_cents: refundableCents(p),
  };
}

export function toAdminRefundJson(op: AdminOperationDoc): AdminRefundJson {
  return {
    id: op._id.toString(),
    seq: op.seq,
    status: op.status,
    amount_cents: op.amountCents ?? 0,
    via: op.via ?? 'local',
    stripe_refund_id: op.stripeRefundId ?? null,
    reason: op.reason,
    actor_email: op.actorEmail ?? null,
    error: op.error ?? null,
    created_at: op.createdAt.toISOString(),
  };
}
