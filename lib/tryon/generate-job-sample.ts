import { logger } from '@/lib/log';
import { deleteImagesIfUnused } from '@/lib/storage';
import type { TryonPrompts } from '@/lib/prompts';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { findJobOrThrow, parseJobId } from './find-job';
import { generateJobOutput, type GenerationPlan } from './generate-job-output';
import { GenerationError } from './generation-error';
import { refundSample } from './refund-job';

export type SampleResult =
  | { n: number; status: 'completed'; outputImageId: string; seed?: number }
  | { n: number; status: 'failed'; code: string };

/** The seed sample `n` (1-based) uses: the job's seed + n − 1. */
export function sampleSeed(job: Pick<TryonJobDoc, 'seed'>, n: number): number | undefined {
  return job.seed != null ? job.seed + n - 1 : undefined;
}

function recorded(job: TryonJobDoc, n: number): SampleResult | null {
  const out = job.outputs?.find((o) => o.n === n);
  if (!out) return null;
  if (out.status === 'completed' && out.assetId)
    return {
      n,
      status: 'completed',
      outputImageId: String(out.assetId),
      ...(out.seed != null ? { seed: out.seed } : {}),
    };
  return { n, status: 'failed', code: out.code ?? 'generation_failed' };
}

/** Appends sample n's outcome once; false when an earlier run of the step already did. */
async function recordSample(
  jobId: string,
  entry: {
    n: number;
    status: 'completed' | 'failed';
    assetId?: string;
    seed?: number;
    code?: string;
  },
): Promise<boolean> {
  const res = await TryonJob.updateOne(
    { _id: parseJobId(jobId), 'outputs.n': { $ne: entry.n } },
    { $push: { outputs: { ...entry, favorite: false } } },
  );
  return res.modifiedCount > 0;
}

/**
 * Generates result `n` of a job (one durable step per sample, so a retry never redoes a
 * finished one) and records it in `outputs`. A step that already recorded its sample
 * answers from the record. A failure that cannot succeed on retry — final, or on the last
 * attempt (`lastAttempt`) — of a several-sample job is recorded as a failed sample and its
 * share refunded (`refund:<jobId>:<n>`); the job goes on with the other samples. A
 * one-sample job's failure is thrown, as before: the job fails and is refunded whole.
 */
export async function generateJobSample(
  jobId: string,
  prompts: TryonPrompts,
  plan: GenerationPlan,
  attempt: number,
  n: number,
  opts: { lastAttempt: boolean },
): Promise<SampleResult> {
  const job = await findJobOrThrow(jobId);
  const samples = job.samples ?? 1;
  const done = recorded(job, n);
  // A failed sample recorded by a run that stopped before its refund: the keyed refund completes it.
  if (done?.status === 'failed' && samples > 1) await refundSample(job, n, done.code);
  if (done) return done;
  const seed = sampleSeed(job, n);
  try {
    const output = await generateJobOutput(jobId, prompts, plan, attempt, {
      n,
      ...(seed !== undefined ? { seed } : {}),
    });
    const entry = {
      n,
      status: 'completed' as const,
      assetId: output.outputImageId,
      ...(seed !== undefined ? { seed } : {}),
    };
    if (!(await recordSample(jobId, entry))) {
      // A concurrent run of this step recorded the sample first: keep its image, drop ours.
      await deleteImagesIfUnused([output.outputImageId], job.userId.toString());
      const again = recorded(await findJobOrThrow(jobId), n);
      if (again) return again;
    }
    return {
      n,
      status: 'completed',
      outputImageId: output.outputImageId,
      ...(seed !== undefined ? { seed } : {}),
    };
  } catch (err) {
    if (samples <= 1 || !(err instanceof GenerationError)) throw err;
    if (err.retryable && !opts.lastAttempt) throw err;
    if (!(await recordSample(jobId, { n, status: 'failed', code: err.code.slice(0, 100) }))) {
      const again = recorded(await findJobOrThrow(jobId), n);
      if (again?.status === 'completed') return again;
    }
    const refund = await refundSample(job, n, err.code);
    logger.info(
      { jobId, sample: n, code: err.code, refunded: refund.credits },
      'try-on sample failed',
    );
    return { n, status: 'failed', code: err.code };
  }
}
