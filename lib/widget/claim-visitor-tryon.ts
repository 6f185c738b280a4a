import { isDuplicateKeyError } from '@/lib/errors';
import { JobClaim } from '@/models/job-claim';

/** The UTC day `YYYY-MM-DD` a quota counts in. */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const slotId = (orgId: string, vid: string, day: string, n: number) =>
  `widget:${orgId}:${vid}:${day}:${n}`;

/**
 * The visitor's daily try-on quota as slot claims: a try-on takes the first
 * free slot `widget:<orgId>:<vid>:<day>:<n>` (n = 1..limit) by a unique insert,
 * so of any number of concurrent requests at most `limit` succeed — never
 * count-then-insert, which FerretDB lets racers through. Returns the claimed
 * slot's id (to release if the try-on is then not created), or null when the
 * quota is used up. Old claims go with the daily job-claim pruning.
 */
export async function claimVisitorTryon(
  orgId: string,
  vid: string,
  limit: number,
  now: Date = new Date(),
): Promise<string | null> {
  if (limit <= 0) return null;
  const day = utcDay(now);
  // Slots fill from 1 upwards: find the first free one by _id reads (a
  // released lower slot may be skipped, which only ever refuses early).
  let lo = 1;
  let hi = limit + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await JobClaim.exists({ _id: slotId(orgId, vid, day, mid) })) lo = mid + 1;
    else hi = mid;
  }
  for (let n = lo; n <= limit; n += 1) {
    const _id = slotId(orgId, vid, day, n);
    try {
      await JobClaim.create({ _id, kind: 'widget_visitor_tryon', claimedAt: now });
      return _id;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  return null;
}

/** Gives a claimed slot back (the try-on it was for was not created). */
export async function releaseVisitorTryon(claimId: string): Promise<void> {
  await JobClaim.deleteOne({ _id: claimId });
}
