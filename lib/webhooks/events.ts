import { createHash } from 'node:crypto';
import { WEBHOOK_DELIVERY_REQUESTED, type OutgoingEvent } from '@/lib/jobs/events';

/** The event that asks for one delivery to be (re)attempted (named in the catalog). */
export { WEBHOOK_DELIVERY_REQUESTED, type WebhookDeliveryRequestedData } from '@/lib/jobs/events';

/**
 * The Standard Webhooks message id (`webhook-id`) of a user event: derived
 * from the event's own deterministic id, so a replayed event maps to the same
 * message and the unique (messageId, endpointId) index refuses a second delivery.
 */
export function messageIdForEvent(eventId: string): string {
  return `msg_${createHash('sha256').update(eventId).digest('hex').slice(0, 32)}`;
}

/** The scheduled run of a delivery: one per delivery (a repeated id is dropped). */
export function deliveryRequestedEvent(d: {
  deliveryId: string;
  endpointId: string;
  userId: string;
}): OutgoingEvent<typeof WEBHOOK_DELIVERY_REQUESTED> {
  return {
    name: WEBHOOK_DELIVERY_REQUESTED,
    id: `webhook.deliver:${d.deliveryId}`,
    data: { deliveryId: d.deliveryId, endpointId: d.endpointId, userId: d.userId },
  };
}

/** A manual redelivery; keyed by the attempts so far, so a double click queues one. */
export function redeliveryRequestedEvent(
  d: { deliveryId: string; endpointId: string; userId: string },
  attemptsSoFar: number,
): OutgoingEvent<typeof WEBHOOK_DELIVERY_REQUESTED> {
  return {
    name: WEBHOOK_DELIVERY_REQUESTED,
    id: `webhook.redeliver:${d.deliveryId}:${attemptsSoFar}`,
    data: { deliveryId: d.deliveryId, endpointId: d.endpointId, userId: d.userId, manual: true },
  };
}
