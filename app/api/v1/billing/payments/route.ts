import { apiRoute } from '@/lib/api';
import { apiQueryObject } from '@/lib/api/shared-schemas';
import { listPayments, paymentsQuerySchema } from '@/lib/billing';
import { ownerIdFor } from '@/lib/orgs';

// GET /api/v1/billing/payments — the caller's payments, newest first (cursor pagination)
export const GET = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  return listPayments(
    ownerIdFor(caller, 'billing:manage'),
    paymentsQuerySchema.parse(apiQueryObject(req)),
  );
});
