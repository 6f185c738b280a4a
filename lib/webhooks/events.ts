import { createHash } from 'node:crypto';
import type { OutgoingEvent } from '@/inngest/define';

/** The Inngest event that asks for one delivery to be (re)attempted. */
export const WEBHOOK_DELIVERY_REQUESTED = 'webhook/delivery.requested';

export interface WebhookDeliveryRequestedData {
  deliveryId: string;
  endpointId: string;
  userId: string;
  /** A redelivery the owner asked for: one attempt, outside the schedule. */
  manual?: boolean;
}

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
}): OutgoingEvent {
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
): OutgoingEvent {
  return {
    name: WEBHOOK_DELIVERY_REQUESTED,
    id: `webhook.redeliver:${d.deliveryId}:${attemptsSoFar}`,
    data: { deliveryId: d.deliveryId, endpointId: d.endpointId, userId: d.userId, manual: true },
  };
}
