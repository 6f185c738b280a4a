import { adminRoute } from '@/lib/admin';
import { adminReconcile } from '@/lib/credits';

export const dynamic = 'force-dynamic';

// GET /api/admin/reconcile — compare every balance with its ledger (report only)
export const GET = adminRoute('revenue:read', async ({ actor, meta }) =>
  adminReconcile({ actor, repair: false, meta }),
);

// POST /api/admin/reconcile — the same, repairing out-of-date balances (audited)
export const POST = adminRoute('ledger:repair', async ({ actor, meta }) =>
  adminReconcile({ actor, repair: true, meta }),
);
