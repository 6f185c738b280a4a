import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { adminListPayments, adminPaymentsQuery } from '@/lib/billing';

export const dynamic = 'force-dynamic';

// GET /api/admin/payments — every user's payments with filters and totals in cents (finance)
export const GET = adminRoute('payments:read', async ({ req }) =>
  adminListPayments(adminPaymentsQuery.parse(queryObject(req))),
);
