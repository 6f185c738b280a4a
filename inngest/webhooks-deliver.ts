import {
  abandonWebhookDelivery,
  attemptWebhookDelivery,
  retryScheduleMs,
  WEBHOOK_DELIVERY_REQUESTED,
  type AttemptOutcome,
  type WebhookDeliveryRequestedData,
} from '@/lib/webhooks';
import { defineFunction } from './define';

/**
 * webhook/delivery.requested → attempts until 2xx, waiting between attempts
 * per the retry schedule (lib/webhooks/config.ts: about 27 hours in all).
 * Each attempt is one step that never throws for the receiver's failures —
 * they are logged on the delivery — so Inngest's own retries cover only our
 * errors (database); a step retried after its POST went out re-sends the
 * same webhook-id, which receivers de-duplicate on. A manual redelivery is a
 * single attempt. Per-endpoint concurrency keeps a burst from flooding one
 * receiver.
 */
export const webhooksDeliver = defineFunction<WebhookDeliveryRequestedData, AttemptOutcome>({
  id: 'webhooks-deliver',
  trigger: { event: WEBHOOK_DELIVERY_REQUESTED },
  retries: 3,
  concurrency: { limit: 5, key: 'event.data.endpointId' },
  handler: async ({ event, step }) => {
    const { deliveryId, manual } = event.data;
    const schedule = manual ? [0] : retryScheduleMs();
    let outcome: AttemptOutcome = { done: false, status: 'pending' };
    for (let i = 0; i < schedule.length; i += 1) {
      const wait = schedule[i] ?? 0;
      if (i > 0 && wait > 0) await step.sleep(`wait-before-attempt-${i + 1}`, wait);
      const next = schedule[i + 1];
      outcome = await step.run(`attempt-${i + 1}`, () =>
        attemptWebhookDelivery(deliveryId, {
          manual: Boolean(manual),
          nextDelayMs: next === undefined ? null : next,
        }),
      );
      if (outcome.done) break;
    }
    return outcome;
  },
  onFailure: async ({ event, error, step }) => {
    if (event.data.manual) return;
    await step.run('abandon-delivery', () =>
      abandonWebhookDelivery(event.data.deliveryId, error.message),
    );
  },
});
