import { apiRoute } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminGetPayment, paymentIdParam } from '@/lib/billing';

export const dynamic = 'force-dynamic';

// GET /api/admin/payments/{id} — one payment with Stripe ids, ledger entries, refunds and timeline (finance)
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['payments:read'], sessionOnly: true },
  async ({ params }) => adminGetPayment(paymentIdParam.parse(params).id),
);
