import { notFound } from '@/lib/errors';
import { publicFailure } from '@/lib/tryon/generation-error';
import { parseJobId } from '@/lib/tryon/find-job';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import type { VisitorClaims } from './visitor-token';

/** A widget try-on as the dialog sees it: no owner, key or input ids. */
export interface WidgetTryonView {
  id: string;
  status: TryonJobDoc['status'];
  sku: string | null;
  /** `/api/widget/tryon/{id}/image` once completed (send the visitor token with it). */
  image_path: string | null;
  error: { code: string; message: string } | null;
  created_at: string;
}

export function serializeWidgetTryon(job: TryonJobDoc): WidgetTryonView {
  const id = job._id.toString();
  return {
    id,
    status: job.status,
    sku: job.sku ?? null,
    image_path:
      job.status === 'completed' && job.outputImageId ? `/api/widget/tryon/${id}/image` : null,
    error: job.error?.code ? publicFailure(job.error.code) : null,
    created_at: (job.queuedAt ?? new Date()).toISOString(),
  };
}

/**
 * A widget try-on of this visitor token: made through the same publishable
 * key, for the same organisation and the same visitor. Anything else —
 * another key's, another organisation's, another visitor's, a studio or API
 * job, a malformed id — is 404, read by `_id` alone and checked here.
 */
export async function getWidgetTryonOrThrow(
  claims: VisitorClaims,
  jobId: string,
): Promise<TryonJobDoc> {
  const _id = parseJobId(jobId);
  if (!_id) throw notFound('Try-on');
  const job = await TryonJob.findById(_id).lean<TryonJobDoc>();
  if (
    !job ||
    job.source?.kind !== 'widget' ||
    job.userId.toString() !== claims.orgId ||
    job.source.apiKeyId?.toString() !== claims.keyId ||
    job.source.visitorId !== claims.vid
  )
    throw notFound('Try-on');
  return job;
}
