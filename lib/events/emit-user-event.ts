import { USER_EVENT, type UserEventData } from '@/lib/jobs/events';
import { sendEvent } from '@/lib/jobs/send-event';
import type { WebhookEventType } from '@/models/webhook-endpoint';
import { logger } from '@/lib/log';

export { USER_EVENT, type UserEventData } from '@/lib/jobs/events';

/**
 * Raises a user-facing event (delivered to the user's webhooks by the
 * developer platform). `id` must be deterministic (e.g. `credits.low:<entryId>`)
 * so that a retried caller cannot raise it twice. Never throws: an event that
 * cannot be sent is logged, the business operation it follows has happened.
 */
export async function emitUserEvent(input: {
  userId: string;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  id: string;
  /** False for a test key's event (test endpoints only); default live. */
  livemode?: boolean;
}): Promise<void> {
  const data: UserEventData = {
    userId: input.userId,
    ...(input.livemode === false ? { livemode: false } : {}),
    type: input.type,
    payload: input.payload,
    occurredAt: new Date().toISOString(),
  };
  try {
    await sendEvent({ name: USER_EVENT, data, id: input.id });
  } catch (err) {
    logger.error(
      {
        eventId: input.id,
        type: input.type,
        err: err instanceof Error ? err.message : String(err),
      },
      'could not raise user event',
    );
  }
}
