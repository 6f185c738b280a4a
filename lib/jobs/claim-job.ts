import { claimWithStaleness, type ClaimOptions } from '@/lib/db';
import { JobClaim, type JobClaimKind } from '@/models/job-claim';

export type ClaimJobOptions = ClaimOptions;

/**
 * Claims one unit of scheduled work for this process (a job_claims row):
 * true for exactly one of any number of concurrent callers with the same key,
 * on every instance; with a lease, a claim whose holder never finished is
 * taken over by one caller once it is `leaseMs` old (see claimWithStaleness).
 */
export async function claimJob(
  key: string,
  kind: JobClaimKind,
  opts: ClaimJobOptions = {},
): Promise<boolean> {
  return claimWithStaleness(JobClaim, key, { kind }, opts);
}
