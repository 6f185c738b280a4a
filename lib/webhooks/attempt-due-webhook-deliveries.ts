import { logger } from '@/lib/log';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { attemptDueWebhookDelivery, type DueAttemptOptions } from './attempt-due-webhook-delivery';

export interface DueDeliveriesResult {
  due: number;
  attempted: number;
  succeeded: number;
  /** Failed and scheduled again. */
  rescheduled: number;
  /** Failed for good (the last attempt, or the endpoint is disabled). */
  failed: number;
  /** Claimed by another process, or settled meanwhile. */
  skipped: number;
  errors: number;
}

/**
 * The due-deliveries sweep (inline mode's cron): every pending delivery whose
 * `nextAttemptAt` has passed gets its next scheduled attempt, a few at a
 * time. Each attempt is claimed on its own, so overlapping sweeps — two
 * instances, or a sweep and a delivery run still in memory — send it once.
 * One delivery's error (database) is logged and left for a later sweep.
 */
export async function attemptDueWebhookDeliveries(
  opts: DueAttemptOptions & { limit?: number; parallel?: number } = {},
): Promise<DueDeliveriesResult> {
  const { limit = 100, parallel = 5, ...attemptOpts } = opts;
  const now = attemptOpts.now ?? new Date();
  const due = await WebhookDelivery.find({ status: 'pending', nextAttemptAt: { $lte: now } })
    .sort({ nextAttemptAt: 1 })
    .limit(limit)
    .select({ _id: 1 })
    .lean();
  const result: DueDeliveriesResult = {
    due: due.length,
    attempted: 0,
    succeeded: 0,
    rescheduled: 0,
    failed: 0,
    skipped: 0,
    errors: 0,
  };
  const queue = due.map((d) => d._id.toString());
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        // The attempt's own clock (real time unless the caller fixed one).
        const outcome = await attemptDueWebhookDelivery(id, attemptOpts);
        if (outcome.attempt === undefined) result.skipped += 1;
        else {
          result.attempted += 1;
          if (outcome.status === 'succeeded') result.succeeded += 1;
          else if (outcome.status === 'pending') result.rescheduled += 1;
          else result.failed += 1;
        }
      } catch (err) {
        result.errors += 1;
        logger.warn(
          { deliveryId: id, err: err instanceof Error ? err.message : String(err) },
          'due webhook attempt failed; a later sweep retries it',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
  return result;
}
