import { env } from '@/lib/env';
import type { TryonJobDoc } from '@/models/tryon-job';
import { publicFailure } from './generation-error';
import type { TryonJobResponse } from './schemas';

/** The output image's address: the owner-checked job image route. */
export function outputImageUrl(jobId: string): string {
  return new URL(`/api/v1/tryon/${jobId}/image`, env.APP_URL).toString();
}

/** A job in the public snake_case shape (DESIGN.md "Public API"). */
export function serializeJob(job: TryonJobDoc): TryonJobResponse {
  const id = job._id.toString();
  return {
    id,
    status: job.status,
    mode: job.mode,
    credits_used: job.creditsUsed,
    source: job.source?.kind ?? 'web',
    ...(job.provider ? { provider: job.provider } : {}),
    ...(job.model ? { model: job.model } : {}),
    ...(job.promptVersion != null ? { prompt_version: job.promptVersion } : {}),
    favorite: Boolean(job.favorite),
    ...(job.status === 'completed' && job.outputImageId
      ? { output_image_url: outputImageUrl(id) }
      : {}),
    // Only the public class, also for jobs stored before the split: never the provider's text.
    ...(job.error?.code ? { error: publicFailure(job.error.code) } : {}),
    ...(job.productId
      ? { product_id: job.productId.toString(), ...(job.sku ? { sku: job.sku } : {}) }
      : {}),
    retry_count: job.retryCount ?? 0,
    created_at: (
      job.queuedAt ??
      (job as { createdAt?: Date }).createdAt ??
      new Date()
    ).toISOString(),
    ...(job.startedAt ? { started_at: job.startedAt.toISOString() } : {}),
    ...(job.completedAt ? { completed_at: job.completedAt.toISOString() } : {}),
    ...(job.processingMs != null ? { processing_ms: Math.round(job.processingMs) } : {}),
    ...(job.rerollOf ? { reroll_of: job.rerollOf.toString() } : {}),
    ...(job.rerollJobId ? { reroll_job_id: job.rerollJobId.toString() } : {}),
    ...(job.report?.reason
      ? {
          report: {
            reason: job.report.reason,
            reported_at: (job.report.at ?? new Date(0)).toISOString(),
          },
        }
      : {}),
    ...(job.inputs?.userImageId && job.inputs.topImageId
      ? {
          inputs: {
            user_image_id: job.inputs.userImageId.toString(),
            top_image_id: job.inputs.topImageId.toString(),
            ...(job.inputs.bottomImageId
              ? { bottom_image_id: job.inputs.bottomImageId.toString() }
              : {}),
          },
        }
      : {}),
  };
}
