import type { ProviderAttempt, ProviderName } from '@/lib/ai';
import { TryonJob } from '@/models/tryon-job';
import { parseJobId } from './find-job';

/** At most this many attempts are kept per job (4 samples × 3 providers × a few retries). */
export const MAX_PROVIDER_ATTEMPTS = 60;

/**
 * Appends provider calls (failover included) to the job's `providerAttempts`,
 * for admins. With `ran`, the job's `provider`/`model` become the ones that
 * actually produced the image (the plan named the first of the list).
 */
export async function recordProviderAttempts(
  jobId: string,
  attempts: readonly ProviderAttempt[],
  ran?: { provider: ProviderName; model: string },
): Promise<void> {
  if (!attempts.length && !ran) return;
  await TryonJob.updateOne(
    { _id: parseJobId(jobId) },
    {
      ...(attempts.length
        ? {
            $push: {
              providerAttempts: {
                $each: attempts.map((a) => ({
                  provider: a.provider,
                  model: a.model.slice(0, 100),
                  ok: a.ok,
                  ...(a.code ? { code: a.code.slice(0, 100) } : {}),
                  ms: Math.max(0, Math.round(a.ms)),
                  at: a.at,
                  ...(a.sample ? { sample: a.sample } : {}),
                })),
                $slice: -MAX_PROVIDER_ATTEMPTS,
              },
            },
          }
        : {}),
      ...(ran ? { $set: { provider: ran.provider, model: ran.model } } : {}),
    },
  );
}
