import { apiRoute, queryObject } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminListPayments, adminPaymentsQuery } from '@/lib/billing';

export const dynamic = 'force-dynamic';

// GET /api/admin/payments — every user's payments with filters and totals in cents (finance)
export const GET = apiRoute(
  { auth: 'user', roles: PERMISSIONS['payments:read'], sessionOnly: true },
  async ({ req }) => adminListPayments(adminPaymentsQuery.parse(queryObject(req))),
);
