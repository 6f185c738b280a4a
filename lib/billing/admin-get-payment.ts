import { Types } from 'mongoose';
import { notFound } from '@/lib/errors';
import { emailsByUserId } from '@/lib/users';
import {
  AdminOperation,
  CreditTransaction,
  Payment,
  type AdminOperationDoc,
  type PaymentDoc,
} from '@/models';
import type { AdminPaymentDetailJson } from './admin-schemas';
import { refundableCents, toAdminPaymentJson, toAdminRefundJson } from './admin-serialize';

export async function findPaymentOrThrow(paymentId: string): Promise<PaymentDoc> {
  if (!/^[0-9a-f]{24}$/i.test(paymentId)) throw notFound('Payment');
  const p = await Payment.findById(new Types.ObjectId(paymentId)).lean<PaymentDoc>();
  if (!p) throw notFound('Payment');
  return p;
}

/** Whether a payment can be refunded from the admin page now. */
export function canRefundPayment(p: PaymentDoc): boolean {
  return refundableCents(p) > 0 && !p.disputeStatus;
}

interface LedgerRow {
  _id: string;
  type: string;
  credits: number;
  balanceAfter: number;
  description: string;
  idempotencyKey: string;
  createdAt: Date;
}

/**
 * One payment for finance: the Stripe ids, credits granted and taken back,
 * its ledger entries (by reference, so every grant and revocation shows),
 * the admin refunds asked for and one timeline of all of it.
 */
export async function adminGetPayment(paymentId: string): Promise<AdminPaymentDetailJson> {
  const p = await findPaymentOrThrow(paymentId);
  const id = p._id.toString();
  const [emails, ledger, ops] = await Promise.all([
    emailsByUserId([p.userId]),
    CreditTransaction.find({ userId: p.userId, referenceType: 'payment', referenceId: id })
      .sort({ seq: 1 })
      .lean<LedgerRow[]>(),
    AdminOperation.find({ entityId: id, kind: 'payment.refund' })
      .sort({ seq: 1 })
      .lean<AdminOperationDoc[]>(),
  ]);
  const timeline: AdminPaymentDetailJson['timeline'] = [
    {
      at: ((p as { createdAt?: Date }).createdAt ?? new Date(0)).toISOString(),
      kind: 'created',
      text: `Checkout opened for ${p.credits.toLocaleString('en-US')} credits`,
      amount_cents: p.amountCents,
    },
  ];
  const fact = (at: Date | null | undefined, kind: string, text: string) => {
    if (at) timeline.push({ at: at.toISOString(), kind, text, amount_cents: null });
  };
  fact(p.paidAt, 'paid', 'Paid');
  fact(p.failedAt, 'failed', 'Payment failed');
  fact(p.canceledAt, 'canceled', 'Checkout canceled or expired');
  for (const e of ledger) {
    timeline.push({
      at: e.createdAt.toISOString(),
      kind: `ledger.${e.type}`,
      text: `${e.credits > 0 ? '+' : ''}${e.credits.toLocaleString('en-US')} credits — ${e.description}`,
      amount_cents: null,
    });
  }
  for (const op of ops) {
    timeline.push({
      at: op.createdAt.toISOString(),
      kind: `refund.${op.status}`,
      text: `Refund ${op.status === 'pending' ? 'asked' : op.status} (${op.via === 'stripe' ? 'at Stripe' : 'local test checkout'}) by ${op.actorEmail ?? 'an admin'}: ${op.reason}${op.status === 'failed' && op.error ? ` — ${op.error}` : ''}`,
      amount_cents: op.amountCents ?? null,
    });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const granted = ledger
    .filter((e) => e.type === 'purchase')
    .reduce((sum, e) => sum + e.credits, 0);
  return {
    ...toAdminPaymentJson(p, emails.get(p.userId.toString()) ?? null),
    ledger: ledger.map((e) => ({
      id: e._id,
      type: e.type,
      credits: e.credits,
      balance_after: e.balanceAfter,
      description: e.description,
      key: e.idempotencyKey,
      created_at: e.createdAt.toISOString(),
    })),
    credits_granted: granted,
    refunds: ops.map(toAdminRefundJson),
    timeline,
    refund_via: p.provider === 'local' ? 'local' : 'stripe',
    can_refund: canRefundPayment(p),
  };
}
