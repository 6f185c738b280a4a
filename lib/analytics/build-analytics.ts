import type { DayStats } from './compute-day-stats';

/** Pure: turns daily rows into chart series and KPI tiles (unit-tested without a database). */

export const ANALYTICS_RANGES = [7, 30, 90] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];

export interface SeriesPoint {
  day: string;
  /** False when the day has no stored row (not computed yet): its figures read 0. */
  computed: boolean;
  tryonsCompleted: number;
  tryonsFailed: number;
  /** Submitted that day and not (yet) completed or failed: queued, processing, canceled. */
  tryonsOther: number;
  /** completed / (completed + failed); null on days without a finished job. */
  successRate: number | null;
  avgProcessingMs: number | null;
  p95ProcessingMs: number | null;
  creditsSpent: number;
  creditsRefunded: number;
  creditsPurchased: number;
  revenueCents: number;
  signups: number;
  activeUsers: number;
}

export function toSeriesPoint(day: string, row: DayStats | undefined): SeriesPoint {
  const r = row;
  const finished = (r?.tryonsCompleted ?? 0) + (r?.tryonsFailed ?? 0);
  return {
    day,
    computed: Boolean(r),
    tryonsCompleted: r?.tryonsCompleted ?? 0,
    tryonsFailed: r?.tryonsFailed ?? 0,
    tryonsOther: Math.max(
      0,
      (r?.tryonsCreated ?? 0) - (r?.tryonsCompleted ?? 0) - (r?.tryonsFailed ?? 0),
    ),
    successRate: finished ? (r?.tryonsCompleted ?? 0) / finished : null,
    avgProcessingMs: r?.processedJobs ? Math.round(r.processingMsTotal / r.processedJobs) : null,
    p95ProcessingMs: r?.processedJobs ? r.processingMsP95 : null,
    creditsSpent: r?.creditsSpent ?? 0,
    creditsRefunded: r?.creditsRefunded ?? 0,
    creditsPurchased: r?.creditsPurchased ?? 0,
    revenueCents: r?.revenueCents ?? 0,
    signups: r?.signups ?? 0,
    activeUsers: r?.activeUsers ?? 0,
  };
}

const SUMMED = [
  'tryonsCreated',
  'tryonsCompleted',
  'tryonsFailed',
  'processedJobs',
  'processingMsTotal',
  'creditsSpent',
  'creditsRefunded',
  'creditsPurchased',
  'revenueCents',
  'payments',
  'signups',
  'tryonsTop',
  'tryonsFull',
  'tryonsOnePiece',
] as const;
export type PeriodTotals = Record<(typeof SUMMED)[number], number>;

export function totalsOf(rows: ReadonlyArray<DayStats | undefined>): PeriodTotals {
  const totals = Object.fromEntries(SUMMED.map((k) => [k, 0])) as PeriodTotals;
  for (const r of rows) if (r) for (const k of SUMMED) totals[k] += r[k] ?? 0;
  return totals;
}

/** Figures that cannot be summed from days (a percentile, distinct people): measured over the period. */
export interface PeriodLive {
  p95ProcessingMs: number | null;
  activeUsers: number;
}

export type KpiKey =
  | 'tryons'
  | 'successRate'
  | 'avgProcessing'
  | 'p95Processing'
  | 'creditsSpent'
  | 'creditsPurchased'
  | 'revenue'
  | 'signups'
  | 'activeUsers'
  | 'tryonsTop'
  | 'tryonsFull'
  | 'tryonsOnePiece';

export interface Kpi {
  key: KpiKey;
  label: string;
  value: number | null;
  previous: number | null;
  /** `relative`: (value − previous) / previous; `points`: value − previous (for rates). Null: no comparison. */
  change: number | null;
  changeKind: 'relative' | 'points';
  format: 'count' | 'percent' | 'duration' | 'cents' | 'credits';
  /** Which direction is good news (colours the change). */
  better: 'up' | 'down';
}

export function changeBetween(
  value: number | null,
  previous: number | null,
  kind: Kpi['changeKind'],
): number | null {
  if (value === null || previous === null) return null;
  if (kind === 'points') return value - previous;
  if (previous === 0) return value === 0 ? 0 : null;
  return (value - previous) / previous;
}

const rate = (t: PeriodTotals) =>
  t.tryonsCompleted + t.tryonsFailed
    ? t.tryonsCompleted / (t.tryonsCompleted + t.tryonsFailed)
    : null;
const avg = (t: PeriodTotals) =>
  t.processedJobs ? Math.round(t.processingMsTotal / t.processedJobs) : null;

export function buildKpis(
  current: { totals: PeriodTotals; live: PeriodLive },
  /** Null when the previous period is not fully computed: no comparison is shown. */
  previous: { totals: PeriodTotals; live: PeriodLive } | null,
  opts: { revenue: boolean },
): Kpi[] {
  const kpi = (
    key: KpiKey,
    label: string,
    pick: (p: { totals: PeriodTotals; live: PeriodLive }) => number | null,
    format: Kpi['format'],
    better: Kpi['better'] = 'up',
  ): Kpi => {
    const changeKind = format === 'percent' ? 'points' : 'relative';
    const value = pick(current);
    const prev = previous ? pick(previous) : null;
    return {
      key,
      label,
      value,
      previous: prev,
      change: changeBetween(value, prev, changeKind),
      changeKind,
      format,
      better,
    };
  };
  return [
    kpi('tryons', 'Try-ons completed', (p) => p.totals.tryonsCompleted, 'count'),
    kpi('successRate', 'Success rate', (p) => rate(p.totals), 'percent'),
    kpi('avgProcessing', 'Average processing', (p) => avg(p.totals), 'duration', 'down'),
    kpi('p95Processing', 'p95 processing', (p) => p.live.p95ProcessingMs, 'duration', 'down'),
    kpi('creditsSpent', 'Credits spent', (p) => p.totals.creditsSpent, 'credits'),
    kpi('creditsPurchased', 'Credits purchased', (p) => p.totals.creditsPurchased, 'credits'),
    ...(opts.revenue ? [kpi('revenue', 'Revenue', (p) => p.totals.revenueCents, 'cents')] : []),
    kpi('signups', 'Signups', (p) => p.totals.signups, 'count'),
    kpi('activeUsers', 'Active people', (p) => p.live.activeUsers, 'count'),
    // The mode breakdown: try-ons submitted, whatever their outcome.
    kpi('tryonsTop', 'Top-only try-ons', (p) => p.totals.tryonsTop, 'count'),
    kpi('tryonsFull', 'Full-outfit try-ons', (p) => p.totals.tryonsFull, 'count'),
    kpi('tryonsOnePiece', 'One-piece try-ons', (p) => p.totals.tryonsOnePiece, 'count'),
  ];
}

export interface Analytics {
  range: AnalyticsRange;
  from: string;
  to: string;
  series: SeriesPoint[];
  kpis: Kpi[];
  /** Days of the range (before today) without a stored row: run the backfill. */
  missingDays: string[];
  revenue: boolean;
  currency: string;
}

/** Series and tiles for `days` (today last, computed live) against the period before. */
export function buildAnalytics(input: {
  range: AnalyticsRange;
  days: string[];
  previousDays: string[];
  rows: ReadonlyMap<string, DayStats>;
  live: { current: PeriodLive; previous: PeriodLive };
  revenue: boolean;
  currency: string;
}): Analytics {
  const rowsOf = (days: string[]) => days.map((d) => input.rows.get(d));
  const previousComplete = input.previousDays.every((d) => input.rows.has(d));
  const series = input.days.map((d) => {
    const point = toSeriesPoint(d, input.rows.get(d));
    return input.revenue ? point : { ...point, revenueCents: 0 };
  });
  return {
    range: input.range,
    from: input.days[0]!,
    to: input.days[input.days.length - 1]!,
    series,
    kpis: buildKpis(
      { totals: totalsOf(rowsOf(input.days)), live: input.live.current },
      previousComplete
        ? { totals: totalsOf(rowsOf(input.previousDays)), live: input.live.previous }
        : null,
      { revenue: input.revenue },
    ),
    missingDays: input.days.filter((d) => !input.rows.has(d)),
    revenue: input.revenue,
    currency: input.currency,
  };
}
