import { Types } from 'mongoose';
import { randomInt } from 'node:crypto';
import { getBalance, spendCredits, tryonCost } from '@/lib/credits';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { sendEvent } from '@/lib/jobs';
import { logger } from '@/lib/log';
import { deleteImagesIfUnused } from '@/lib/storage';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { failJob } from './fail-job';
import { allJobImageIds } from './find-job';
import {
  autoClientKey,
  clientKeyFor,
  jobEventId,
  TRYON_JOB_CREATED,
  usageKey,
  type TryonJobCreatedData,
} from './keys';
import { expectedProvider } from './expected-provider';
import type { TryonSubmission } from './tryon-submission';
import { refundJob } from './refund-job';
import { releaseJobSpendCaps, reserveJobSpendCaps } from './job-spend-caps';
import type { SimulatedOutcome } from './simulate';
import { productFields } from './tryon-product';
import { MAX_SAMPLES, MAX_SEED } from './schemas';
import { normalizeInputImages, storeInputImages } from './store-input-images';

export type TryonSource =
  | { kind: 'web' }
  | { kind: 'api'; apiKeyId: string }
  /** A storefront widget try-on: the publishable key, the shop visitor and the shop origin. */
  | { kind: 'widget'; apiKeyId: string; visitorId: string; origin: string };

export interface CreateTryonJobInput {
  /** The owner id: the person's, or the organisation's in organisation context. */
  userId: string;
  /** The member acting for an organisation (recorded on the job and the usage entry). */
  actorUserId?: string;
  source: TryonSource;
  submission: TryonSubmission;
  /** The catalog product named instead of a garment photo (recorded on the job: productId, sku). */
  product?: { id: string; sku: string };
  /** False for a test key (tr_test_): never charged, local provider, `livemode: false` data. */
  livemode?: boolean;
  /** Test keys only: the outcome to simulate (`x-trailroom-simulate`). */
  simulate?: SimulatedOutcome;
}

export interface CreateTryonJobResult {
  job: TryonJobDoc;
  /** True when an earlier request with the same Idempotency-Key made this job. */
  replayed: boolean;
}

/** A job that could not be paid for is removed with its unused inputs: nothing charged, nothing dangling. */
const MODE_DESCRIPTIONS = { top: 'top', full: 'full outfit', one_piece: 'one-piece' } as const;

function usageDescription(job: Pick<TryonJobDoc, 'mode' | 'samples'>): string {
  const n = job.samples ?? 1;
  return `Try-on: ${MODE_DESCRIPTIONS[job.mode]}${n > 1 ? ` × ${n} results` : ''}`;
}

async function discardUnpaidJob(job: TryonJobDoc): Promise<void> {
  await TryonJob.deleteOne({ _id: job._id, status: 'queued' });
  await deleteImagesIfUnused(allJobImageIds(job), job.userId.toString()).catch((err: unknown) =>
    logger.warn(
      { jobId: job._id.toString(), err: err instanceof Error ? err.message : String(err) },
      'could not delete unpaid job inputs',
    ),
  );
}

/**
 * Reserves the cost (`usage:<jobId>`), then starts the work (`tryon:<jobId>`).
 * Both keys are deterministic, so calling this again for the same job (an
 * Idempotency-Key replay of a request that died half-way) charges and starts
 * it at most once.
 */
async function chargeAndDispatch(job: TryonJobDoc): Promise<void> {
  const jobId = job._id.toString();
  const userId = job.userId.toString();
  try {
    await reserveJobSpendCaps(job);
  } catch (err) {
    if (err instanceof AppError && err.code === 'spend_cap_reached') await discardUnpaidJob(job);
    throw err;
  }
  try {
    // Test jobs never touch the ledger: `credits_used` only says what a live job would cost.
    if (job.livemode !== false)
      await spendCredits({
        userId,
        credits: job.creditsUsed,
        idempotencyKey: usageKey(jobId),
        description: usageDescription(job),
        referenceType: 'tryon_job',
        referenceId: jobId,
        actor: { type: 'user', id: job.actorUserId?.toString() ?? userId },
      });
  } catch (err) {
    if (err instanceof AppError && err.code === 'insufficient_credits') {
      await releaseJobSpendCaps(jobId);
      await discardUnpaidJob(job);
    }
    // Anything else (database trouble) leaves the job queued: if the usage
    // entry was written, the sweeper fails and refunds it; if not, it owes nothing.
    throw err;
  }
  const data: TryonJobCreatedData = {
    jobId,
    userId,
    mode: job.mode,
    provider: job.provider ?? 'local',
  };
  try {
    await sendEvent({ name: TRYON_JOB_CREATED, data, id: jobEventId(jobId) });
  } catch (err) {
    logger.error(
      { jobId, err: err instanceof Error ? err.message : String(err) },
      'could not start try-on job',
    );
    const failed = await failJob(jobId, {
      code: 'dispatch_failed',
      message: 'The job could not be started. Your credits were refunded.',
    });
    if (failed.status === 'failed') await refundJob(job, 'could not start');
    throw new AppError(
      'service_unavailable',
      'The try-on engine is unavailable. Your credits were refunded; try again shortly.',
      {
        retryAfter: 10,
        cause: err,
      },
    );
  }
}

/** A test job: marked `livemode: false`, on the local provider, with its simulated outcome. */
function testModeFields(input: CreateTryonJobInput): Record<string, unknown> {
  if (input.livemode !== false) return {};
  return {
    livemode: false,
    provider: 'local',
    ...(input.simulate ? { simulate: input.simulate } : {}),
  };
}

async function replay(existing: TryonJobDoc, requestHash: string): Promise<CreateTryonJobResult> {
  if (existing.requestHash !== requestHash) {
    throw new AppError(
      'idempotency_conflict',
      'This Idempotency-Key was already used with a different request',
      {
        details: { job_id: existing._id.toString() },
      },
    );
  }
  if (existing.status === 'queued') await chargeAndDispatch(existing);
  const fresh = await TryonJob.findById(existing._id).lean<TryonJobDoc>();
  return { job: fresh ?? existing, replayed: true };
}

/**
 * Submits a try-on: validates and stores the images, creates the job
 * (queued), reserves its cost and starts the generation. The job document is
 * written before the spend so the ledger entry always has a job to point at;
 * a refused spend (402) removes the job again.
 */
export async function createTryonJob(input: CreateTryonJobInput): Promise<CreateTryonJobResult> {
  const { userId, source, submission } = input;
  const clientKey = submission.idempotencyKey
    ? clientKeyFor(userId, submission.idempotencyKey)
    : null;
  if (clientKey) {
    const existing = await TryonJob.findOne({ clientKey }).lean<TryonJobDoc>();
    if (existing) return replay(existing, submission.requestHash);
  }

  const samples = submission.samples ?? 1;
  const cost = tryonCost(submission.mode, samples);
  // Cheap early refusal before decoding three images; the spend below is the real check.
  const balance = input.livemode === false ? null : await getBalance(userId);
  if (balance && balance.free + Math.max(0, balance.paid) < cost) {
    throw new AppError(
      'insufficient_credits',
      `This needs ${cost} credits; you have ${Math.max(0, balance.total)}.`,
      {
        details: { required: cost, available: Math.max(0, balance.total) },
      },
    );
  }

  const normalized = await normalizeInputImages(submission.images, userId, input.actorUserId);
  const inputs = await storeInputImages(userId, normalized);
  const jobId = new Types.ObjectId();
  let job: TryonJobDoc;
  try {
    const created = await TryonJob.create({
      _id: jobId,
      userId,
      ...(input.actorUserId ? { actorUserId: input.actorUserId } : {}),
      source: source.kind === 'web' ? { kind: 'web' } : { ...source },
      mode: submission.mode,
      status: 'queued',
      inputs,
      provider: expectedProvider(submission.mode),
      creditsUsed: cost,
      samples,
      // Drawn when not given, so every output records the seed that reproduces it.
      seed: submission.seed ?? randomInt(0, MAX_SEED + 1 - MAX_SAMPLES),
      clientKey: clientKey ?? autoClientKey(userId, jobId.toString()),
      requestHash: submission.requestHash,
      ...productFields(input.product ?? submission.product),
      ...testModeFields(input),
      queuedAt: new Date(),
    });
    job = created.toObject() as TryonJobDoc;
  } catch (err) {
    // A concurrent request with the same Idempotency-Key won the unique index.
    if (clientKey && isDuplicateKeyError(err)) {
      const winner = await TryonJob.findOne({ clientKey }).lean<TryonJobDoc>();
      if (winner) return replay(winner, submission.requestHash);
    }
    throw err;
  }
  await chargeAndDispatch(job);
  return { job, replayed: false };
}
