import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { adminRefundPayment, adminRefundPaymentBody, paymentIdParam } from '@/lib/billing';

export const dynamic = 'force-dynamic';

// POST /api/admin/payments/{id}/refund — refund all or part of a payment with a reason (audited, once per key)
export const POST = adminRoute<{ id: string }>(
  'payments:refund',
  async ({ req, params, actor, meta }) => {
    const paymentId = paymentIdParam.parse(params).id;
    const body = adminRefundPaymentBody.parse(await readJson(req));
    return adminRefundPayment({
      actor,
      paymentId,
      reason: body.reason,
      operationId: body.idempotency_key,
      ...(body.amount_cents !== undefined ? { amountCents: body.amount_cents } : {}),
      meta,
    });
  },
);
