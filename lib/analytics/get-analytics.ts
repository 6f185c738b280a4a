import { PRICING } from '@/lib/pricing/config';
import { DailyStat } from '@/models';
import { DAILY_METRICS } from '@/models/daily-stat';
import {
  buildAnalytics,
  type Analytics,
  type AnalyticsRange,
  type PeriodLive,
} from './build-analytics';
import {
  computeDayStats,
  distinctActiveUsers,
  processingPercentile,
  type DayStats,
} from './compute-day-stats';
import { dayBounds, dayOf, daysEnding, addDays } from './days';

async function livePeriod(days: string[]): Promise<PeriodLive> {
  const range = { start: dayBounds(days[0]!).start, end: dayBounds(days[days.length - 1]!).end };
  const [p95, activeUsers] = await Promise.all([
    processingPercentile(range, 0.95),
    distinctActiveUsers(range),
  ]);
  return { p95ProcessingMs: p95.value, activeUsers };
}

/**
 * The analytics for the last `range` days: stored daily rows for past days,
 * today computed live from the source collections, the period before for
 * comparison. Revenue is zeroed and its tile left out unless `revenue`.
 */
export async function getAnalytics(opts: {
  range: AnalyticsRange;
  revenue: boolean;
  now?: Date;
}): Promise<Analytics> {
  const today = dayOf(opts.now ?? new Date());
  const days = daysEnding(today, opts.range);
  const previousDays = daysEnding(addDays(days[0]!, -1), opts.range);
  const [storedRows, todayStats, current, previous] = await Promise.all([
    DailyStat.find({ day: { $gte: previousDays[0]!, $lt: today } }).lean(),
    computeDayStats(today),
    livePeriod(days),
    livePeriod(previousDays),
  ]);
  const rows = new Map<string, DayStats>();
  for (const r of storedRows) {
    // The schema spreads the metrics from a list, so its inferred type does not name them.
    const stored = r as unknown as Partial<Record<(typeof DAILY_METRICS)[number], number>>;
    const figures = Object.fromEntries(DAILY_METRICS.map((m) => [m, Number(stored[m] ?? 0)]));
    rows.set(r.day, { day: r.day, ...figures } as DayStats);
  }
  rows.set(today, todayStats);
  return buildAnalytics({
    range: opts.range,
    days,
    previousDays,
    rows,
    live: { current, previous },
    revenue: opts.revenue,
    currency: PRICING.currency,
  });
}
