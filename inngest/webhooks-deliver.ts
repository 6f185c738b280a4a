import {
  abandonWebhookDelivery,
  attemptDueWebhookDelivery,
  attemptWebhookDelivery,
  INLINE_HOLD_MS,
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
 * they are logged on the delivery — so retries cover only our errors
 * (database); a step retried after its POST went out re-sends the same
 * webhook-id, which receivers de-duplicate on. A manual redelivery is a
 * single attempt. Per-endpoint concurrency keeps a burst from flooding one
 * receiver.
 *
 * With Inngest, the waits are durable `step.sleep`s. Inline, a sleep would
 * die with the process, so the schedule lives on the delivery
 * (`nextAttemptAt`): each attempt is claimed once (`webhook:<id>:<n>`), short
 * waits are slept here, and a longer one ends the run — the due-deliveries
 * cron (webhooks-retry-due) makes the next attempt when it is due, on
 * whichever instance, after a restart too.
 */
export const webhooksDeliver = defineFunction<WebhookDeliveryRequestedData, AttemptOutcome>({
  id: 'webhooks-deliver',
  trigger: { event: WEBHOOK_DELIVERY_REQUESTED },
  retries: 3,
  concurrency: { limit: 5, key: 'event.data.endpointId' },
  handler: async ({ event, step, runner }) => {
    const { deliveryId, manual } = event.data;
    if (manual) {
      return step.run('attempt-1', () =>
        attemptWebhookDelivery(deliveryId, { manual: true, nextDelayMs: null }),
      );
    }
    if (runner === 'inline') {
      for (let i = 1; i <= 50; i += 1) {
        const outcome = await step.run(`attempt-${i}`, () => attemptDueWebhookDelivery(deliveryId));
        if (outcome.done || outcome.skipped === 'claimed' || !outcome.nextAttemptAt) return outcome;
        const wait = Date.parse(outcome.nextAttemptAt) - Date.now();
        if (wait > INLINE_HOLD_MS) return outcome; // the due-deliveries cron takes it from here
        // A timer may fire a millisecond early by the wall clock: not due yet means wait again.
        await step.sleep(`wait-before-attempt-${i + 1}`, Math.max(wait, 0) + 2);
      }
      return { done: false, status: 'pending' };
    }
    const schedule = retryScheduleMs();
    let outcome: AttemptOutcome = { done: false, status: 'pending' };
    for (let i = 0; i < schedule.length; i += 1) {
      const wait = schedule[i] ?? 0;
      if (i > 0 && wait > 0) await step.sleep(`wait-before-attempt-${i + 1}`, wait);
      const next = schedule[i + 1];
      outcome = await step.run(`attempt-${i + 1}`, () =>
        attemptWebhookDelivery(deliveryId, { nextDelayMs: next === undefined ? null : next }),
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
