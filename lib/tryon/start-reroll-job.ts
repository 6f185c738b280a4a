import { randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { recordFreeUsage } from '@/lib/credits';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { sendEvent } from '@/lib/jobs';
import { logger } from '@/lib/log';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { expectedProvider } from './expected-provider';
import { failJob } from './fail-job';
import { jobEventId, TRYON_JOB_CREATED, type TryonJobCreatedData } from './keys';

/** The ledger key of a job's free re-roll: a zero-credit `usage` entry, once per reported job. */
export const rerollUsageKey = (jobId: string) => `reroll:${jobId}`;
/** The re-roll job's `clientKey`: unique, so a job is re-rolled at most once whatever races. */
export const rerollClientKey = (ownerId: string, jobId: string) => `${ownerId}:reroll:${jobId}`;

/** Fields other features add to a job that a re-roll keeps (present only where they are built). */
const CARRIED_FIELDS = ['samples', 'livemode', 'simulate', 'productId', 'sku'] as const;

function carried(job: TryonJobDoc, actorUserId: string): Record<string, unknown> {
  const doc = job as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of CARRIED_FIELDS) if (doc[f] !== undefined && doc[f] !== null) out[f] = doc[f];
  // An organisation's job names the person acting: for the re-roll, the one who reported it.
  if (doc.actorUserId) out.actorUserId = actorUserId;
  // A new seed: the same one would redraw the same picture.
  if (typeof doc.seed === 'number') out.seed = randomInt(0, 1_000_000);
  return out;
}

/**
 * Regenerates a completed job once at no cost: a new job (`rerollOf`, the
 * same inputs and mode, `creditsUsed` 0), a zero-credit `usage` entry
 * `reroll:<jobId>` linked to it (test-mode jobs never touch the ledger), the
 * link `rerollJobId` on the original, then the same generation run as any
 * try-on. A call after one that died half-way finishes its steps: the unique
 * `clientKey` and ledger key make each happen once (only call it again when
 * the original has no `rerollJobId`, i.e. the re-roll was never dispatched).
 */
export async function startRerollJob(
  original: TryonJobDoc,
  actorUserId: string,
): Promise<TryonJobDoc> {
  const originalId = original._id.toString();
  const ownerId = original.userId.toString();
  const clientKey = rerollClientKey(ownerId, originalId);
  let job: TryonJobDoc;
  let resumed = false;
  try {
    const created = await TryonJob.create({
      _id: new Types.ObjectId(),
      ...carried(original, actorUserId),
      userId: original.userId,
      source: original.source,
      mode: original.mode,
      status: 'queued',
      inputs: original.inputs,
      provider: expectedProvider(original.mode),
      creditsUsed: 0,
      clientKey,
      ...(original.requestHash ? { requestHash: original.requestHash } : {}),
      rerollOf: original._id,
      queuedAt: new Date(),
    });
    job = created.toObject() as TryonJobDoc;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    // Made by an earlier call that stopped before the end: finish what it left (each step once).
    const winner = await TryonJob.findOne({ clientKey }).lean<TryonJobDoc>();
    if (!winner) throw err;
    job = winner;
    resumed = true;
  }
  const jobId = job._id.toString();
  if ((original as { livemode?: boolean }).livemode !== false) {
    await recordFreeUsage({
      userId: ownerId,
      idempotencyKey: rerollUsageKey(originalId),
      description: 'Free re-roll of a try-on reported as not right',
      referenceType: 'tryon_job',
      referenceId: jobId,
      actor: { type: 'user', id: actorUserId },
    });
  }
  await TryonJob.updateOne({ _id: original._id }, { $set: { rerollJobId: job._id } });
  // `rerollJobId` is set before the dispatch: a resumed call finding it unset knows the job never started.
  if (resumed && job.status !== 'queued') return job;
  const data: TryonJobCreatedData = {
    jobId,
    userId: ownerId,
    mode: job.mode,
    provider: job.provider ?? 'local',
  };
  try {
    await sendEvent({ name: TRYON_JOB_CREATED, data, id: jobEventId(jobId) });
  } catch (err) {
    logger.error(
      { jobId, err: err instanceof Error ? err.message : String(err) },
      'could not start re-roll job',
    );
    await failJob(jobId, { code: 'dispatch_failed', message: 'The re-roll could not be started.' });
    throw new AppError(
      'service_unavailable',
      'The try-on engine is unavailable; try again shortly.',
      {
        retryAfter: 10,
        cause: err,
      },
    );
  }
  return job;
}
