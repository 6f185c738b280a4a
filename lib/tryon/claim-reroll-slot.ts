import { nextUtcMidnight, utcDay } from '@/lib/credits';
import { insertOnce } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { JobClaim } from '@/models/job-claim';
import { REROLL_DAILY_LIMIT } from './report-limits';

/** A claimed free re-roll of one person on one UTC day; release it if it goes unused. */
export interface RerollSlot {
  id: string;
  release(): Promise<void>;
}

/**
 * Claims one of the person's free re-rolls for today: slot `k` is the unique
 * insert of `reroll:<personId>:<day>:<k>` (k = 1…limit), so any number of
 * concurrent claims take at most `limit` slots — never a count then an insert
 * (FerretDB applies no conditional write atomically; a unique insert it does).
 * A released slot leaves a hole the next claim fills. Claims are pruned with
 * the other job claims after three days.
 */
export async function claimRerollSlot(
  personId: string,
  now: Date = new Date(),
  limit: number = REROLL_DAILY_LIMIT,
): Promise<RerollSlot> {
  const day = utcDay(now);
  for (let k = 1; k <= limit; k += 1) {
    const id = `reroll:${personId}:${day}:${k}`;
    const claim = await insertOnce(JobClaim, { _id: id, kind: 'reroll_daily', claimedAt: now });
    if (claim.status === 'inserted') {
      return {
        id,
        release: async () => {
          await JobClaim.deleteOne({ _id: id });
        },
      };
    }
  }
  const resetsAt = nextUtcMidnight(now);
  throw new AppError(
    'reroll_limit_reached',
    `You have used today's ${limit} free re-rolls. Reports are still welcome; free re-rolls start again at midnight UTC.`,
    {
      details: { limit, resets_at: resetsAt.toISOString() },
      retryAfter: Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000)),
    },
  );
}
