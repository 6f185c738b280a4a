import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminRefundPayment, adminRefundPaymentBody, paymentIdParam } from '@/lib/billing';

export const dynamic = 'force-dynamic';

// POST /api/admin/payments/{id}/refund — refund all or part of a payment with a reason (audited, once per key)
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['payments:refund'], sessionOnly: true },
  async ({ req, params, caller, requestId }) =>
    adminRefundPayment({
      actor: caller,
      paymentId: paymentIdParam.parse(params).id,
      body: adminRefundPaymentBody.parse(await readJson(req)),
      meta: requestMeta(req, requestId),
    }),
);
