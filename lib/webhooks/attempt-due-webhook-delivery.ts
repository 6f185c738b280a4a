import { claimJob } from '@/lib/jobs/claim-job';
import { WebhookDelivery } from '@/models/webhook-delivery';
import {
  attemptWebhookDelivery,
  type AttemptOptions,
  type AttemptOutcome,
} from './attempt-webhook-delivery';
import { ATTEMPT_CLAIM_LEASE_MS, retryScheduleMs } from './config';

export interface DueAttemptOutcome extends AttemptOutcome {
  /** The scheduled attempt this call made (1-based); absent when it made none. */
  attempt?: number;
  /** When the next scheduled attempt is due (ISO), while the delivery is pending. */
  nextAttemptAt?: string | null;
  /** Why no attempt was made: not due yet, or another process claimed it. */
  skipped?: 'not_due' | 'claimed';
}

export interface DueAttemptOptions extends Pick<
  AttemptOptions,
  'policy' | 'production' | 'timeoutMs'
> {
  now?: Date;
  /** The waits of the retry schedule (default: retryScheduleMs()). */
  schedule?: readonly number[];
}

/**
 * The next scheduled attempt of a pending delivery, if it is due: the
 * schedule lives on the delivery (`nextAttemptAt`, and the count of scheduled
 * attempts in its log), so any process can make it — after a restart too.
 * Attempt n is claimed as `webhook:<deliveryId>:<n>` (a unique insert), so of
 * concurrent callers on any number of instances exactly one sends it; a claim
 * whose holder died is taken over after ATTEMPT_CLAIM_LEASE_MS. Manual
 * redeliveries are outside the schedule and not counted.
 */
export async function attemptDueWebhookDelivery(
  deliveryId: string,
  opts: DueAttemptOptions = {},
): Promise<DueAttemptOutcome> {
  const now = opts.now ?? new Date();
  const delivery = await WebhookDelivery.findById(deliveryId)
    .select({ status: 1, attempts: 1, nextAttemptAt: 1, createdAt: 1 })
    .lean();
  if (!delivery) return { done: true, status: 'gone' };
  if (delivery.status !== 'pending') return { done: true, status: delivery.status };

  const dueAt = delivery.nextAttemptAt ?? (delivery as { createdAt?: Date }).createdAt ?? now;
  if (dueAt > now) {
    return {
      done: false,
      status: 'pending',
      nextAttemptAt: dueAt.toISOString(),
      skipped: 'not_due',
    };
  }
  const attempt = (delivery.attempts ?? []).filter((a) => !a.manual).length + 1;
  const claimed = await claimJob(`webhook:${deliveryId}:${attempt}`, 'webhook_attempt', {
    now,
    leaseMs: ATTEMPT_CLAIM_LEASE_MS,
  });
  if (!claimed) {
    return {
      done: false,
      status: 'pending',
      nextAttemptAt: dueAt.toISOString(),
      skipped: 'claimed',
    };
  }

  const schedule = opts.schedule ?? retryScheduleMs();
  const wait = schedule[attempt]; // before attempt n + 1; none after the last
  const outcome = await attemptWebhookDelivery(deliveryId, {
    now,
    nextDelayMs: wait === undefined ? null : wait,
    ...(opts.policy ? { policy: opts.policy } : {}),
    ...(opts.production !== undefined ? { production: opts.production } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return {
    ...outcome,
    attempt,
    nextAttemptAt:
      outcome.done || wait === undefined ? null : new Date(now.getTime() + wait).toISOString(),
  };
}
