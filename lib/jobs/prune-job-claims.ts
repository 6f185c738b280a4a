import { JobClaim } from '@/models/job-claim';

/** Claims are kept this long: longer than any retry schedule they guard (about 28 hours). */
export const JOB_CLAIM_RETENTION_MS = 3 * 24 * 3_600_000;

/** Deletes claims older than the retention period (daily housekeeping). */
export async function pruneJobClaims(now: Date = new Date()): Promise<{ deleted: number }> {
  const res = await JobClaim.deleteMany({
    claimedAt: { $lt: new Date(now.getTime() - JOB_CLAIM_RETENTION_MS) },
  });
  return { deleted: res.deletedCount ?? 0 };
}
