import { emitUserEvent } from '@/lib/events/emit-user-event';
import type { TryonJobDoc } from '@/models/tryon-job';
import { noteWidgetEvent } from './note-widget-event';

/** The deterministic id of a widget job's `widget.tryon.completed` (one per job). */
export const widgetCompletedEventId = (jobId: string) => `widget.tryon.completed:${jobId}`;

/**
 * For a completed widget try-on: the organisation's `widget.tryon.completed`
 * webhook (with the SKU and product, once per job by its event id) and the
 * `tryon_completed` widget event for the merchant dashboard.
 */
export async function announceWidgetTryonCompleted(job: TryonJobDoc): Promise<void> {
  const source = job.source;
  if (source?.kind !== 'widget' || job.status !== 'completed' || !source.apiKeyId) return;
  const jobId = job._id.toString();
  const sku = job.sku ?? null;
  await emitUserEvent({
    userId: job.userId.toString(),
    type: 'widget.tryon.completed',
    payload: {
      job_id: jobId,
      sku,
      product_id: job.productId ? job.productId.toString() : null,
      api_key_id: source.apiKeyId.toString(),
      origin: source.origin ?? '',
      completed_at: (job.completedAt ?? new Date()).toISOString(),
    },
    id: widgetCompletedEventId(jobId),
  });
  await noteWidgetEvent({
    orgId: job.userId.toString(),
    keyId: source.apiKeyId.toString(),
    vid: source.visitorId ?? 'unknown',
    type: 'tryon_completed',
    jobId,
    ...(sku ? { sku } : {}),
    ...(source.origin ? { origin: source.origin } : {}),
  });
}
