import { env } from '@/lib/env';
import type { TryonJobDoc } from '@/models/tryon-job';
import { publicFailure } from './generation-error';
import type { TryonJobResponse } from './schemas';

/** The output image's address: the owner-checked job image route (`?output=n`: sample n). */
export function outputImageUrl(jobId: string, sample?: number): string {
  const url = new URL(`/api/v1/tryon/${jobId}/image`, env.APP_URL);
  if (sample !== undefined) url.searchParams.set('output', String(sample));
  return url.toString();
}

/** A job's completed results by sample number; a job from before `outputs` has its one output. */
export function completedOutputs(
  job: Pick<TryonJobDoc, 'status' | 'outputImageId' | 'outputs' | 'seed' | 'favorite' | 'samples'>,
): Array<{ n: number; assetId: string; seed?: number; favorite: boolean }> {
  // A one-result job's result is the job: its favourite flag is the job's.
  if (job.outputs?.length && (job.samples ?? 1) > 1) {
    return job.outputs
      .filter((o) => o.status === 'completed' && o.assetId)
      .map((o) => ({
        n: o.n,
        assetId: String(o.assetId),
        ...(o.seed != null ? { seed: o.seed } : {}),
        favorite: Boolean(o.favorite),
      }))
      .sort((a, b) => a.n - b.n);
  }
  return job.status === 'completed' && job.outputImageId
    ? [
        {
          n: 1,
          assetId: job.outputImageId.toString(),
          ...(job.outputs?.[0]?.seed != null
            ? { seed: job.outputs[0].seed }
            : job.seed != null
              ? { seed: job.seed }
              : {}),
          favorite: Boolean(job.favorite),
        },
      ]
    : [];
}

/** A job in the public snake_case shape (DESIGN.md "Public API"). */
export function serializeJob(job: TryonJobDoc): TryonJobResponse {
  const id = job._id.toString();
  return {
    id,
    status: job.status,
    mode: job.mode,
    credits_used: job.creditsUsed,
    livemode: job.livemode !== false,
    source: job.source?.kind ?? 'web',
    ...(job.provider ? { provider: job.provider } : {}),
    ...(job.model ? { model: job.model } : {}),
    ...(job.promptVersion != null ? { prompt_version: job.promptVersion } : {}),
    favorite: Boolean(job.favorite),
    ...(job.status === 'completed' && job.outputImageId
      ? { output_image_url: outputImageUrl(id) }
      : {}),
    samples: job.samples ?? 1,
    ...(job.seed != null ? { seed: job.seed } : {}),
    outputs:
      job.status === 'completed'
        ? completedOutputs(job).map((o) => ({
            sample: o.n,
            url: outputImageUrl(id, o.n),
            ...(o.seed !== undefined ? { seed: o.seed } : {}),
            favorite: o.favorite,
          }))
        : [],
    samples_failed: job.outputs?.filter((o) => o.status === 'failed').length ?? 0,
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
