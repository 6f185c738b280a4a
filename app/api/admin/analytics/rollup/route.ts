import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { adminRollupDailyStats, rollupBody } from '@/lib/analytics';

export const dynamic = 'force-dynamic';

// POST /api/admin/analytics/rollup — recompute (backfill) the last N days of daily stats; audited
export const POST = adminRoute('analytics:write', async ({ req, actor, meta }) => {
  const { days } = rollupBody.parse(await readJson(req));
  const result = await adminRollupDailyStats({
    days,
    actor,
    meta,
  });
  return {
    from: result.days[0],
    to: result.days[result.days.length - 1],
    days: result.days.length,
    ms: result.ms,
  };
});
