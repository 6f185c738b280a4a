import {
  generateTryOn,
  isProviderError,
  LOCAL_MODEL,
  resolveProviderChain,
  type ProviderAttemptChoice,
  type ProviderName,
} from '@/lib/ai';
import { AppError } from '@/lib/errors';
import { normalizeImage } from '@/lib/images';
import { getImageForOwner, putImage } from '@/lib/storage';
import type { TryonPrompts } from '@/lib/prompts';
import { findJobOrThrow, jobImageIds } from './find-job';
import { GenerationError } from './generation-error';
import { recordJobAttemptError, recordJobGeneration } from './record-job-attempt';
import { recordProviderAttempts } from './record-provider-attempts';

export interface GenerationPlan {
  provider: ProviderName;
  model: string;
  promptId: string;
  promptVersion: number;
  /** The rest of the mode's ordered provider list: used only after a retryable outage. */
  fallbacks?: ProviderAttemptChoice[];
}

/** Picks provider and model for the job (the prompt may override them) and records them with the prompt version. */
export async function planJobGeneration(
  jobId: string,
  prompts: TryonPrompts,
): Promise<GenerationPlan> {
  const job = await findJobOrThrow(jobId);
  // A test key's job always runs on the local compositor, whatever is configured.
  const [choice, ...fallbacks] =
    job.livemode === false
      ? [{ provider: 'local' as const, model: LOCAL_MODEL }]
      : resolveProviderChain(job.mode, prompts.instruction);
  if (!choice) throw new GenerationError('internal_error', 'No image provider', false);
  await recordJobGeneration(jobId, {
    prompt: prompts.instruction,
    systemPrompt: prompts.system,
    provider: choice.provider,
    model: choice.model,
  });
  return {
    ...choice,
    promptId: prompts.instruction.id,
    promptVersion: prompts.instruction.version,
    ...(fallbacks.length ? { fallbacks } : {}),
  };
}

export interface GeneratedOutput {
  outputImageId: string;
  provider: ProviderName;
  model: string;
  latencyMs: number;
}

/**
 * Loads the job's stored inputs, calls the provider, and stores its output
 * through the same normalising pipeline as uploads. One step on purpose:
 * image bytes never travel between steps (Inngest keeps step results as
 * JSON state), only the stored output's id does.
 */
export async function generateJobOutput(
  jobId: string,
  prompts: TryonPrompts,
  plan: GenerationPlan,
  attempt: number,
  /** Which result of a several-sample job, and the seed it uses (generateJobSample). */
  sample?: { n: number; seed?: number },
): Promise<GeneratedOutput> {
  const job = await findJobOrThrow(jobId);
  const ownerId = job.userId.toString();
  const ids = jobImageIds(job);
  try {
    const [person, top, bottom] = await Promise.all([
      getImageForOwner(ids.userImageId, ownerId),
      getImageForOwner(ids.topImageId, ownerId),
      ids.bottomImageId ? getImageForOwner(ids.bottomImageId, ownerId) : Promise.resolve(undefined),
    ]);
    const result = await generateTryOn({
      provider: plan.provider,
      model: plan.model,
      ...(plan.fallbacks ? { fallbacks: plan.fallbacks } : {}),
      systemPrompt: prompts.system.content,
      instruction: prompts.instruction.content,
      mode: job.mode,
      person: person.data,
      top: top.data,
      ...(bottom ? { bottom: bottom.data } : {}),
      ...(sample ? { sample: sample.n } : {}),
      ...(sample?.seed !== undefined ? { seed: sample.seed } : {}),
      ...(job.livemode === false && job.simulate ? { simulate: job.simulate } : {}),
    });
    await recordProviderAttempts(jobId, result.attempts, result);
    const normalized = await normalizeImage(result.image);
    const stored = await putImage({ ownerId, kind: 'output', image: normalized });
    return {
      outputImageId: stored.id,
      provider: result.provider,
      model: result.model,
      latencyMs: result.latencyMs,
    };
  } catch (err) {
    if (isProviderError(err) && err.attempts) await recordProviderAttempts(jobId, err.attempts);
    const failure = classify(err);
    await recordJobAttemptError(jobId, attempt, { code: failure.code, message: failure.message });
    throw failure;
  }
}

function classify(err: unknown): GenerationError {
  if (isProviderError(err)) return new GenerationError(err.code, err.message, err.retryable);
  // The inputs are gone (deleted by the owner or by retention) or the output is unusable: retrying cannot help.
  if (err instanceof AppError && err.status < 500) {
    return new GenerationError(
      err.code === 'not_found' ? 'input_missing' : 'output_invalid',
      err.message,
      false,
    );
  }
  // Unknown: a database blip or a bug. Retry; the retry budget bounds it.
  return new GenerationError('internal_error', 'The image could not be generated', true);
}
