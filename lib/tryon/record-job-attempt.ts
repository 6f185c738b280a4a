import { logger } from '@/lib/log';
import { TryonJob } from '@/models/tryon-job';
import type { ActivePrompt } from '@/lib/prompts';
import { parseJobId } from './find-job';
import { failureDetail, publicFailure } from './generation-error';

/** Records which prompt versions, provider and model the job is generated with. */
export async function recordJobGeneration(
  jobId: string,
  input: {
    prompt: Pick<ActivePrompt, 'id' | 'version'>;
    systemPrompt?: Pick<ActivePrompt, 'id' | 'version'>;
    provider: string;
    model: string;
  },
): Promise<void> {
  await TryonJob.updateOne(
    { _id: parseJobId(jobId) },
    {
      $set: {
        promptId: input.prompt.id,
        promptVersion: input.prompt.version,
        ...(input.systemPrompt
          ? {
              systemPromptId: input.systemPrompt.id,
              systemPromptVersion: input.systemPrompt.version,
            }
          : {}),
        provider: input.provider,
        model: input.model,
      },
    },
  );
}

/**
 * Records a failed generation attempt: the retry count and the last error,
 * which becomes the job's failure reason if no retry succeeds. The job keeps
 * the public class of the error (`error`) and the raw one apart
 * (`errorDetail`, admins only); the raw one is logged too.
 */
export async function recordJobAttemptError(
  jobId: string,
  attempt: number,
  error: { code: string; message: string },
): Promise<void> {
  const detail = failureDetail(error);
  logger.warn({ jobId, attempt, failure: detail }, 'try-on generation attempt failed');
  await TryonJob.updateOne(
    { _id: parseJobId(jobId), status: { $in: ['queued', 'processing'] } },
    // $max: a late write from an earlier attempt never lowers the count.
    {
      $set: { error: publicFailure(error.code), errorDetail: detail },
      $max: { retryCount: attempt },
    },
  );
}
