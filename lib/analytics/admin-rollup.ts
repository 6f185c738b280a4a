import { recordAudit, type AuditActor, type RequestMeta } from '@/lib/audit';
import { rollupDailyStats, type RollupResult } from './rollup-daily-stats';

/** An admin's backfill: recompute the last `days` days now; audited. */
export async function adminRollupDailyStats(input: {
  days: number;
  actor: AuditActor;
  meta?: RequestMeta;
}): Promise<RollupResult> {
  const result = await rollupDailyStats({ days: input.days });
  await recordAudit({
    actor: input.actor,
    action: 'analytics.rollup',
    entity: { type: 'daily_stats' },
    after: {
      from: result.days[0],
      to: result.days[result.days.length - 1],
      days: result.days.length,
    },
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return result;
}
