import type { Types } from 'mongoose';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { DISABLE_AFTER_FAILED_DELIVERIES } from './config';

const dateFmt = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function autoDisabledReason(at: Date, lastError: string | null): string {
  return (
    `Disabled automatically on ${dateFmt.format(at)} UTC: the last ${DISABLE_AFTER_FAILED_DELIVERIES} deliveries ` +
    `failed after every retry${lastError ? ` (last error: ${lastError})` : ''}. ` +
    'Fix the receiver, then enable the endpoint again.'
  );
}

async function failureStreak(
  endpointId: Types.ObjectId,
  since: Date,
): Promise<{ streak: number; lastError: string | null }> {
  const recent = await WebhookDelivery.find({
    endpointId,
    test: { $ne: true },
    status: { $in: ['succeeded', 'failed'] },
    settledAt: { $gte: since },
  })
    .sort({ settledAt: -1 })
    .limit(DISABLE_AFTER_FAILED_DELIVERIES)
    .select({ status: 1, lastError: 1 })
    .lean<Array<{ status: string; lastError?: string | null }>>();
  let streak = 0;
  for (const d of recent) {
    if (d.status !== 'failed') break;
    streak += 1;
  }
  return { streak, lastError: recent[0]?.lastError ?? null };
}

/**
 * Recomputes an endpoint's failure streak from its deliveries — the facts —
 * rather than incrementing a counter: FerretDB does not apply `$inc` under
 * concurrency reliably, and a recount is right however many deliveries settle
 * at once. The streak counts settled deliveries (test events excluded) since
 * the endpoint was last enabled; at DISABLE_AFTER_FAILED_DELIVERIES it is
 * disabled with a reason its owner can read. Safe to run any number of times.
 * After writing its count it counts again: two refreshes racing can leave the
 * older count last, and the writer of that older count then sees the newer
 * delivery and writes again (the ledger's projection converges the same way).
 */
export async function refreshEndpointHealth(
  endpointId: string,
  now: Date = new Date(),
): Promise<{ consecutiveFailures: number; disabled: boolean }> {
  const endpoint = await WebhookEndpoint.findById(endpointId).lean();
  if (!endpoint) return { consecutiveFailures: 0, disabled: false };
  const since = endpoint.enabledAt ?? (endpoint as { createdAt?: Date }).createdAt ?? new Date(0);
  let stored = endpoint.consecutiveFailures ?? 0;
  let { streak, lastError } = await failureStreak(endpoint._id, since);
  for (let round = 0; round < 3; round += 1) {
    if (streak >= DISABLE_AFTER_FAILED_DELIVERIES && endpoint.enabled !== false) {
      await WebhookEndpoint.updateOne(
        { _id: endpoint._id },
        {
          $set: {
            enabled: false,
            disabledAt: now,
            disabledReason: autoDisabledReason(now, lastError),
            consecutiveFailures: streak,
          },
        },
      );
      return { consecutiveFailures: streak, disabled: true };
    }
    if (stored === streak) break;
    await WebhookEndpoint.updateOne(
      { _id: endpoint._id },
      { $set: { consecutiveFailures: streak } },
    );
    stored = streak;
    ({ streak, lastError } = await failureStreak(endpoint._id, since));
  }
  return { consecutiveFailures: streak, disabled: endpoint.enabled === false };
}
