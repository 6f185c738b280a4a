import { apiRoute } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminReconcile } from '@/lib/credits';

export const dynamic = 'force-dynamic';

// GET /api/admin/reconcile — compare every balance with its ledger (report only)
export const GET = apiRoute(
  { auth: 'user', roles: PERMISSIONS['revenue:read'], sessionOnly: true },
  async ({ req, caller, requestId }) =>
    adminReconcile({ actor: caller, repair: false, meta: requestMeta(req, requestId) }),
);

// POST /api/admin/reconcile — the same, repairing out-of-date balances (audited)
export const POST = apiRoute(
  { auth: 'user', roles: PERMISSIONS['ledger:repair'], sessionOnly: true },
  async ({ req, caller, requestId }) =>
    adminReconcile({ actor: caller, repair: true, meta: requestMeta(req, requestId) }),
);
