import { adminRoute } from '@/lib/admin';
import { adminGetPayment, paymentIdParam } from '@/lib/billing';

export const dynamic = 'force-dynamic';

// GET /api/admin/payments/{id} — one payment with Stripe ids, ledger entries, refunds and timeline (finance)
export const GET = adminRoute<{ id: string }>('payments:read', async ({ params }) =>
  adminGetPayment(paymentIdParam.parse(params).id),
);
