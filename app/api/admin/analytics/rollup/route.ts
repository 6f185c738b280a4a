import { apiRoute, readJson } from '@/lib/api/route';
import { adminRollupDailyStats, rollupBody } from '@/lib/analytics';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

// POST /api/admin/analytics/rollup — recompute (backfill) the last N days of daily stats; audited
export const POST = apiRoute(
  { auth: 'user', roles: PERMISSIONS['analytics:write'], sessionOnly: true },
  async ({ req, caller, requestId }) => {
    const { days } = rollupBody.parse(await readJson(req));
    const result = await adminRollupDailyStats({
      days,
      actor: { userId: caller.userId, email: caller.email, role: caller.role },
      meta: requestMeta(req, requestId),
    });
    return {
      from: result.days[0],
      to: result.days[result.days.length - 1],
      days: result.days.length,
      ms: result.ms,
    };
  },
);
