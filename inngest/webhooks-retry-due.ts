import {
  attemptDueWebhookDeliveries,
  DUE_DELIVERIES_INTERVAL_MS,
  type DueDeliveriesResult,
} from '@/lib/webhooks';
import { defineFunction } from './define';

export interface InlineCronData {
  cron: string;
  /** Inline runner: the tick's clock (ISO); tests move it forward. */
  now?: string;
}

/**
 * Inline mode only: every DUE_DELIVERIES_INTERVAL_MS, the next scheduled
 * attempt of every webhook delivery whose `nextAttemptAt` has passed — the
 * waits too long to sleep in memory, and whatever a restart interrupted.
 * Each attempt is claimed once, so overlapping ticks and instances send it
 * once. Not served to Inngest, whose delivery runs sleep durably instead.
 */
export const webhooksRetryDue = defineFunction<InlineCronData, DueDeliveriesResult>({
  id: 'webhooks-retry-due',
  trigger: { cron: '* * * * *' },
  retries: 0,
  inlineOnly: true,
  inlineIntervalMs: DUE_DELIVERIES_INTERVAL_MS,
  handler: async ({ event, step }) =>
    step.run('attempt-due-deliveries', () =>
      attemptDueWebhookDeliveries(event.data.now ? { now: new Date(event.data.now) } : {}),
    ),
});
