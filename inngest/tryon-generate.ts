import { NonRetriableError } from 'inngest';
import { resolveTryonPrompts } from '@/lib/prompts';
import {
  announceJobCompleted,
  completeJob,
  failAndRefundJob,
  generateJobSample,
  GenerationError,
  loadJobInputs,
  markJobProcessing,
  planJobGeneration,
  TRYON_JOB_CREATED,
  type SampleResult,
  type TryonJobCreatedData,
} from '@/lib/tryon';
import { defineFunction } from './define';

const TRYON_GENERATE_RETRIES = 3;

export interface TryonGenerateResult {
  jobId: string;
  status: string;
  outputImageId?: string;
}

/** Final failures skip the remaining retries: the same inputs would fail the same way. */
function failFastIfFinal(err: unknown): never {
  if (err instanceof GenerationError && !err.retryable) {
    throw new NonRetriableError(`${err.code}: ${err.message}`, { cause: err });
  }
  throw err;
}

/**
 * tryon/job.created → the generated outfit. Each step is one lib/tryon call
 * and safe to repeat; money moves only through keyed ledger operations
 * (`usage:<jobId>` at submission, `refund:<jobId>` on failure).
 */
export const tryonGenerate = defineFunction<TryonJobCreatedData, TryonGenerateResult>({
  id: 'tryon-generate',
  trigger: { event: TRYON_JOB_CREATED },
  retries: TRYON_GENERATE_RETRIES,
  concurrency: { limit: 2, key: 'event.data.userId' },
  // Keeps a burst from tripping the provider's own rate limit.
  throttle: { limit: 60, period: '1m', key: 'event.data.provider' },
  handler: async ({ event, step, attempt }) => {
    const { jobId } = event.data;
    const started = await step.run('mark-processing', () => markJobProcessing(jobId));
    if (!started.proceed) return { jobId, status: started.status };

    const inputs = await step.run('load-inputs', () => loadJobInputs(jobId).catch(failFastIfFinal));
    const prompts = await step.run('resolve-prompt', () => resolveTryonPrompts(inputs.mode));
    const plan = await step.run('plan-generation', () => planJobGeneration(jobId, prompts));
    // One step per sample with a stable id (sample 1 keeps the id it always had), so a retry
    // re-runs only the samples not finished yet. A several-sample job's failed sample is
    // refunded its share inside its step and the others go on.
    const results: SampleResult[] = [];
    for (let n = 1; n <= (inputs.samples ?? 1); n++) {
      results.push(
        await step.run(n === 1 ? 'generate-image' : `generate-image-${n}`, () =>
          generateJobSample(jobId, prompts, plan, attempt, n, {
            lastAttempt: attempt >= TRYON_GENERATE_RETRIES,
          }).catch(failFastIfFinal),
        ),
      );
    }
    const first = results.find((r) => r.status === 'completed');
    // Every sample failed (each refunded its share): onFailure fails the job, owing nothing more.
    if (!first) throw new NonRetriableError('Every result of the try-on failed');
    const done = await step.run('complete-job', () =>
      completeJob(jobId, first.outputImageId, { attempt }),
    );
    if (done.completed) await step.run('emit-completed', () => announceJobCompleted(jobId));
    return { jobId, status: done.status, outputImageId: first.outputImageId };
  },
  onFailure: async ({ event, error, step }) => {
    const { jobId } = event.data;
    // The reason the last attempt recorded on the job is more precise than the run's error.
    await step.run('fail-and-refund', () =>
      failAndRefundJob(jobId, { code: 'generation_failed', message: error.message.slice(0, 1000) }),
    );
  },
});
