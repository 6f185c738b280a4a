import { claimAdminOperation, finishAdminOperation } from '@/lib/admin/claim-admin-operation';
import { recordAudit, type RequestMeta } from '@/lib/audit';
import type { AdminActor } from '@/lib/admin/types';
import { AppError } from '@/lib/errors';
import { emailsByUserId } from '@/lib/users';
import { AdminOperation, type AdminOperationDoc, type PaymentDoc } from '@/models';
import { findPaymentOrThrow } from './admin-get-payment';
import type { AdminRefundPaymentResult } from './admin-schemas';
import { refundableCents, toAdminPaymentJson, toAdminRefundJson } from './admin-serialize';
import { applyChargeRefund } from './apply-charge-refund';
import { stripeConfigured } from './config';
import { stripeClient } from './stripe-client';

/** Stripe idempotency key of an admin refund: one per claimed operation, so a retried call is one refund. */
export const adminRefundStripeKey = (paymentId: string, seq: number) =>
  `admin-refund:${paymentId}:${seq}`;

/** The charge id the local test checkout's refunds are recorded under (local payments have none). */
function localChargeId(p: PaymentDoc): string {
  if (p.chargeId) return p.chargeId;
  const suffix = (p.paymentIntentId ?? p.checkoutSessionId).replace(/^(pi|cs)_local_/, '');
  return `ch_local_${suffix}`;
}

function refuse(p: PaymentDoc, amount: number | undefined): AppError | null {
  if (!p.paidAt) {
    return new AppError(
      'invalid_state',
      `Only paid payments can be refunded; this one is ${p.status}`,
    );
  }
  if (p.disputeStatus) {
    return new AppError('invalid_state', 'This payment is disputed: the dispute settles the money');
  }
  const refundable = refundableCents(p);
  if (refundable === 0)
    return new AppError('invalid_state', 'This payment is already fully refunded');
  if (amount !== undefined && amount > refundable) {
    return new AppError('unprocessable', `At most ${refundable} cents can still be refunded`, {
      details: { refundable_cents: refundable },
    });
  }
  return null;
}

/**
 * Finance refunds a payment (in full, or part of it in cents) with a reason.
 *
 * With Stripe configured the money moves at Stripe (`refunds.create` with the
 * idempotency key `admin-refund:<paymentId>:<n>`), and the credits are taken
 * back by the existing `charge.refunded` webhook, exactly once per refunded
 * level (`stripe-refund:<chargeId>:<cents>`). A local test-checkout payment
 * has no Stripe charge, so the same revocation (applyChargeRefund) is applied
 * here with what the webhook would carry.
 *
 * Exactly once per intent: the refund is claimed as admin operation
 * `payment.refund:<paymentId>:<n>` (unique insert) before anything moves; a
 * repeat of the same idempotency key replays; another admin racing it gets
 * 409; while one refund is pending no other may start, so each sees the
 * amount the one before left. An admin's own payment is refused (403
 * self_action_forbidden, the attempt audited).
 */
export async function adminRefundPayment(input: {
  actor: AdminActor;
  paymentId: string;
  /** Omitted: everything not yet refunded. */
  amountCents?: number;
  reason: string;
  /** Client-generated UUID: the same refund request refunds once. */
  operationId: string;
  meta?: RequestMeta;
}): Promise<AdminRefundPaymentResult> {
  const first = await findPaymentOrThrow(input.paymentId);
  const paymentId = first._id.toString();
  if (first.userId.toString() === input.actor.userId) {
    await recordAudit({
      actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
      action: 'payment.refund.refused',
      entity: { type: 'payment', id: paymentId },
      after: {
        refused: 'self_action_forbidden',
        amountCents: input.amountCents ?? refundableCents(first),
      },
      reason: input.reason,
      ...(input.meta ? { meta: input.meta } : {}),
    });
    throw new AppError('self_action_forbidden', 'Admins cannot refund their own payments');
  }
  const via = first.provider === 'local' ? 'local' : 'stripe';
  const mine = await AdminOperation.findOne({
    entityId: paymentId,
    kind: 'payment.refund',
    requestKey: input.operationId,
  }).lean<AdminOperationDoc>();
  if (!mine) {
    const early = refuse(first, input.amountCents);
    if (early) throw early;
    if (via === 'stripe' && !stripeConfigured()) {
      throw new AppError(
        'misconfigured',
        'Stripe is not configured, so a Stripe payment cannot be refunded here',
      );
    }
  }
  const claim = await claimAdminOperation({
    kind: 'payment.refund',
    entityId: paymentId,
    requestKey: input.operationId,
    actor: { userId: input.actor.userId, email: input.actor.email },
    reason: input.reason,
    amountCents: input.amountCents ?? refundableCents(first),
    via,
  });
  const emails = await emailsByUserId([first.userId]);
  const email = emails.get(first.userId.toString()) ?? null;
  if (claim.replayed) {
    const now = await findPaymentOrThrow(paymentId);
    return {
      payment: toAdminPaymentJson(now, email),
      refund: toAdminRefundJson(claim.op),
      replayed: true,
    };
  }
  const { op } = claim;
  const fail = async (err: AppError): Promise<never> => {
    await finishAdminOperation(op._id, 'failed', { error: err.message });
    throw err;
  };

  // The claim serialises refunds of this payment: this read is the state the refund acts on.
  const before = await findPaymentOrThrow(paymentId);
  const problem = refuse(before, input.amountCents);
  if (problem) await fail(problem);
  const amount = input.amountCents ?? refundableCents(before);
  if (amount !== op.amountCents)
    await AdminOperation.updateOne({ _id: op._id }, { $set: { amountCents: amount } });

  let stripeRefundId: string | undefined;
  if (via === 'stripe') {
    if (!before.paymentIntentId) {
      await fail(
        new AppError('invalid_state', 'Stripe has not told us this payment’s PaymentIntent yet'),
      );
    }
    try {
      const refund = await stripeClient().createRefund(
        {
          paymentIntentId: before.paymentIntentId as string,
          amountCents: amount,
          metadata: {
            payment_id: paymentId,
            admin_operation: op.key,
            actor_id: input.actor.userId,
          },
        },
        adminRefundStripeKey(paymentId, op.seq),
      );
      stripeRefundId = refund.id;
    } catch (err) {
      await fail(
        err instanceof AppError
          ? err
          : new AppError('provider_error', 'Stripe refund failed', { cause: err }),
      );
    }
  } else {
    const previous = before.refundedCents ?? 0;
    await applyChargeRefund(
      {
        id: localChargeId(before),
        paymentIntentId: before.paymentIntentId ?? null,
        amount: before.amountCents,
        amountRefunded: previous + amount,
        currency: before.currency,
        receiptUrl: null,
      },
      previous,
    );
  }
  await finishAdminOperation(op._id, 'succeeded', stripeRefundId ? { stripeRefundId } : {});
  const after = await findPaymentOrThrow(paymentId);
  await recordAudit({
    actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
    action: 'payment.refund',
    entity: { type: 'payment', id: paymentId },
    before: {
      status: before.status,
      refundedCents: before.refundedCents ?? 0,
      creditsRevoked: before.creditsRevoked ?? 0,
    },
    after: {
      status: after.status,
      refundedCents: after.refundedCents ?? 0,
      creditsRevoked: after.creditsRevoked ?? 0,
      amountCents: amount,
      via,
      ...(stripeRefundId ? { stripeRefundId } : {}),
      operation: op.key,
    },
    reason: input.reason,
    ...(input.meta ? { meta: input.meta } : {}),
  });
  const finished = await AdminOperation.findById(op._id).orFail().lean<AdminOperationDoc>();
  return {
    payment: toAdminPaymentJson(after, email),
    refund: toAdminRefundJson(finished),
    replayed: false,
  };
}
