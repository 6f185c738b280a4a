import type { OutgoingEvent } from '@/lib/jobs/events';
import { AppError } from '@/lib/errors';
import { sendEvent } from '@/lib/jobs/send-event';

/** Queues a delivery run; a queue that cannot be reached is a 503 the caller may retry. */
export async function dispatchDelivery(event: OutgoingEvent): Promise<void> {
  try {
    await sendEvent(event);
  } catch (err) {
    throw new AppError('service_unavailable', 'The delivery could not be queued; try again', {
      cause: err,
      retryAfter: 5,
    });
  }
}
