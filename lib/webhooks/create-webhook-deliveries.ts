import { dataSpaceFilter } from '@/lib/apikeys/data-space';
import { isDuplicateKeyError } from '@/lib/errors';
import type { UserEventData } from '@/lib/events';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { buildWebhookEnvelope } from './build-webhook-envelope';
import { messageIdForEvent } from './events';

export interface DeliveryTicket {
  deliveryId: string;
  endpointId: string;
  userId: string;
}

/**
 * Fan-out of one user event: one delivery per enabled endpoint of the user
 * subscribed to its type. Exactly once rests on the unique (messageId,
 * endpointId) insert — a replayed event inserts nothing. Returns the
 * deliveries of this message not yet attempted (new ones, or ones a crashed
 * earlier run created but never dispatched), to be dispatched by id.
 */
export async function createWebhookDeliveries(
  event: UserEventData & { eventId: string },
): Promise<{ messageId: string; created: number; toDispatch: DeliveryTicket[] }> {
  const messageId = messageIdForEvent(event.eventId);
  // Test events go to test endpoints only, live events to live endpoints only.
  const space = { livemode: event.livemode !== false };
  const endpoints = await WebhookEndpoint.find({
    userId: event.userId,
    enabled: true,
    events: event.type,
    ...dataSpaceFilter(space),
  })
    .select({ _id: 1 })
    .lean();
  if (endpoints.length === 0) return { messageId, created: 0, toDispatch: [] };

  const payload = buildWebhookEnvelope({
    type: event.type,
    occurredAt: event.occurredAt,
    data: event.payload,
    livemode: space.livemode,
  });
  let created = 0;
  for (const endpoint of endpoints) {
    try {
      await WebhookDelivery.create({
        endpointId: endpoint._id,
        userId: event.userId,
        messageId,
        eventType: event.type,
        payload,
        status: 'pending',
        nextAttemptAt: new Date(),
        test: false,
        ...(space.livemode ? {} : { livemode: false }),
      });
      created += 1;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  const deliveries = await WebhookDelivery.find({
    messageId,
    endpointId: { $in: endpoints.map((e) => e._id) },
  })
    .select({ _id: 1, endpointId: 1, status: 1, attempts: 1 })
    .lean();
  const toDispatch = deliveries
    .filter((d) => d.status === 'pending' && (d.attempts ?? []).length === 0)
    .map((d) => ({
      deliveryId: d._id.toString(),
      endpointId: d.endpointId.toString(),
      userId: event.userId,
    }));
  return { messageId, created, toDispatch };
}
