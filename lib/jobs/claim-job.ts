import { connectDb } from '@/lib/db';
import { isDuplicateKeyError } from '@/lib/errors';
import { JobClaim, type JobClaimKind } from '@/models/job-claim';

export interface ClaimJobOptions {
  now?: Date;
  /**
   * A claim older than this may be taken over once per further lease: its
   * holder died between claiming and finishing (the work itself takes far
   * less). Unset: a claim is forever.
   */
  leaseMs?: number;
}

/**
 * Claims one unit of scheduled work for this process: true for exactly one of
 * any number of concurrent callers with the same key, on every instance (a
 * unique `_id` insert; FerretDB applies no conditional update atomically). With
 * a lease, a claim whose holder never finished is taken over by one caller
 * (`<key>#<n>`, again a unique insert) once it is `leaseMs` old.
 */
export async function claimJob(
  key: string,
  kind: JobClaimKind,
  opts: ClaimJobOptions = {},
): Promise<boolean> {
  await connectDb();
  const now = opts.now ?? new Date();
  if (await insertClaim(key, kind, now)) return true;
  if (!opts.leaseMs) return false;
  const held = await JobClaim.findById(key).lean();
  if (!held) return insertClaim(key, kind, now); // pruned meanwhile
  const leases = Math.floor((now.getTime() - held.claimedAt.getTime()) / opts.leaseMs);
  return leases >= 1 ? insertClaim(`${key}#${leases}`, kind, now) : false;
}

async function insertClaim(id: string, kind: JobClaimKind, now: Date): Promise<boolean> {
  try {
    await JobClaim.create({ _id: id, kind, claimedAt: now });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
