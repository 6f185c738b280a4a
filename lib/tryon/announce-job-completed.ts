import { emitUserEvent } from '@/lib/events';
import { announceWidgetTryonCompleted } from '@/lib/widget/announce-widget-tryon-completed';
import { findJob } from './find-job';
import { completedEventId } from './keys';
import { serializeJob } from './serialize';

/** Raises `tryon.completed` for a completed job, once (`tryon.completed:<jobId>`). */
export async function announceJobCompleted(jobId: string): Promise<{ announced: boolean }> {
  const job = await findJob(jobId);
  if (!job || job.status !== 'completed') return { announced: false };
  await emitUserEvent({
    userId: job.userId.toString(),
    type: 'tryon.completed',
    payload: { job: serializeJob(job) },
    id: completedEventId(jobId),
    livemode: job.livemode !== false,
  });
  // A storefront widget try-on also tells the shop which product it was.
  if (job.source?.kind === 'widget') await announceWidgetTryonCompleted(job);
  return { announced: true };
}
