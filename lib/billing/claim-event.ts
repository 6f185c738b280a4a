import { Types } from 'mongoose';
import { ProcessedEvent } from '@/models';
import { isDuplicateKeyError } from '@/lib/errors';
import { EVENT_CLAIM_STALE_MS } from './config';

export type EventClaim =
  | { kind: 'claimed'; claimId: Types.ObjectId }
  /** Already handled (processed or ignored): answer 2xx, change nothing. */
  | { kind: 'done' }
  /** Another delivery of this event is being handled right now: answer 409 so Stripe retries later. */
  | { kind: 'busy' };

/**
 * Claims an incoming event for processing. The unique (source, eventId)
 * insert IS the de-duplication: of any number of concurrent deliveries,
 * exactly one inserts. A claim left `failed` (or `processing` for longer than
 * EVENT_CLAIM_STALE_MS: its process died) must not block Stripe's retry, so a
 * redelivery deletes that one record by its _id and races to insert a fresh
 * claim — again exactly one wins. No conditional update is relied on
 * (FerretDB does not apply them atomically).
 */
export async function claimEvent(
  source: 'stripe',
  eventId: string,
  type: string,
): Promise<EventClaim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const doc = await ProcessedEvent.create({ source, eventId, type, status: 'processing' });
      return { kind: 'claimed', claimId: doc._id };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await ProcessedEvent.findOne({ source, eventId }).lean();
    if (!existing) continue; // released between our insert and our read
    if (existing.status === 'processed' || existing.status === 'ignored') return { kind: 'done' };
    const updatedAt = (existing as { updatedAt?: Date }).updatedAt?.getTime() ?? 0;
    const stale = existing.status === 'failed' || Date.now() - updatedAt > EVENT_CLAIM_STALE_MS;
    if (!stale) return { kind: 'busy' };
    await ProcessedEvent.deleteOne({ _id: existing._id });
  }
  return { kind: 'busy' };
}

export async function finishEventClaim(
  claimId: Types.ObjectId,
  status: 'processed' | 'ignored',
): Promise<void> {
  await ProcessedEvent.updateOne({ _id: claimId }, { $set: { status }, $unset: { error: 1 } });
}

/** Marks the claim failed so that Stripe's retry reprocesses the event. */
export async function failEventClaim(claimId: Types.ObjectId, err: unknown): Promise<void> {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  await ProcessedEvent.updateOne(
    { _id: claimId },
    { $set: { status: 'failed', error: message.slice(0, 1000) } },
  );
}
