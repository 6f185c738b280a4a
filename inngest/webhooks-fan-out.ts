import { USER_EVENT, type UserEventData } from '@/lib/events';
import { createWebhookDeliveries, deliveryRequestedEvent } from '@/lib/webhooks';
import { defineFunction } from './define';

export interface WebhooksFanOutResult {
  messageId: string;
  created: number;
  dispatched: number;
}

/**
 * app/user.event → one WebhookDelivery per subscribed, enabled endpoint, then
 * one delivery run each. The message id derives from the event's own
 * deterministic id (`tryon.completed:<jobId>`, …), so a replayed event
 * creates nothing new (unique (messageId, endpointId)) and re-dispatches only
 * deliveries never attempted, under the same event ids (dropped if seen).
 */
export const webhooksFanOut = defineFunction<UserEventData, WebhooksFanOutResult>({
  id: 'webhooks-fan-out',
  trigger: { event: USER_EVENT },
  retries: 3,
  handler: async ({ event, step }) => {
    // Inngest keeps the id the sender chose; the fallback is stable for a replay of the same payload.
    const eventId = event.id ?? `${event.data.type}:${event.data.userId}:${event.data.occurredAt}`;
    const fanOut = await step.run('create-deliveries', () =>
      createWebhookDeliveries({ ...event.data, eventId }),
    );
    if (fanOut.toDispatch.length > 0) {
      await step.sendEvent('dispatch-deliveries', fanOut.toDispatch.map(deliveryRequestedEvent));
    }
    return {
      messageId: fanOut.messageId,
      created: fanOut.created,
      dispatched: fanOut.toDispatch.length,
    };
  },
});
