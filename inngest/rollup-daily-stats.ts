import { rollupDailyStats } from '@/lib/analytics';
import { defineFunction } from './define';

/**
 * Hourly: recompute the last 3 UTC days of daily_stats from the source
 * collections and write them whole ($set). Idempotent — a repeated or
 * overlapping run writes the same rows — and late facts (a job finishing
 * after midnight, a refund) land on the next run. Today is also computed
 * live by the analytics page; older days come from a backfill
 * (POST /api/admin/analytics/rollup).
 */
export const rollupDailyStatsFn = defineFunction<
  Record<string, unknown>,
  { days: string[]; ms: number }
>({
  id: 'rollup-daily-stats',
  trigger: { cron: '7 * * * *' },
  retries: 2,
  // Only one run at a time: overlapping runs would do the same work twice.
  concurrency: { limit: 1 },
  inlineIntervalMs: 60 * 60 * 1000,
  handler: async ({ step }) =>
    step.run('recompute-recent-days', () => rollupDailyStats({ days: 3 })),
});
