import { isDuplicateKeyError } from '@/lib/errors';
import { DailyStat } from '@/models';
import { computeDayStats, type DayStats } from './compute-day-stats';
import { dayOf, daysEnding } from './days';

export interface RollupResult {
  days: string[];
  /** Wall time, for the cron's log and the backfill response. */
  ms: number;
}

/** Writes one day's recomputed figures whole: the same inputs give the same row, however often it runs. */
export async function writeDayStats(stats: DayStats): Promise<void> {
  const { day, ...figures } = stats;
  const update = { $set: { ...figures, computedAt: new Date() } };
  try {
    await DailyStat.updateOne({ day }, update, { upsert: true });
  } catch (err) {
    // Two first writes of a day raced on the unique day index: the row exists now.
    if (!isDuplicateKeyError(err)) throw err;
    await DailyStat.updateOne({ day }, update);
  }
}

/**
 * Recomputes the `days` UTC days ending with today (or `until`) from the
 * source collections and stores them (the cron: the last 3 days, which
 * covers jobs finishing and refunds landing after midnight; a backfill: up
 * to a year). One day at a time, to keep the load on the database flat.
 */
export async function rollupDailyStats(
  opts: { days?: number; until?: string; now?: Date } = {},
): Promise<RollupResult> {
  const started = Date.now();
  const last = opts.until ?? dayOf(opts.now ?? new Date());
  const days = daysEnding(last, Math.max(1, Math.min(opts.days ?? 3, 400)));
  for (const day of days) await writeDayStats(await computeDayStats(day));
  return { days, ms: Date.now() - started };
}
