import { Types } from 'mongoose';
import { WidgetEvent, type WidgetEventType } from '@/models/widget-event';

export interface WidgetEventInput {
  /** The organisation owning the publishable key. */
  orgId: string | Types.ObjectId;
  /** The publishable key's id. */
  keyId: string | Types.ObjectId;
  /** The visitor id (embed.js `trailroom_vid`). */
  vid: string;
  type: WidgetEventType;
  sku?: string;
  jobId?: string | Types.ObjectId;
  /** For `refused`: the error code the visitor got (e.g. `widget_quota_exceeded`). */
  reason?: string;
  /** The shop origin the request came from. */
  origin?: string;
  /** When it happened (default now); tests and backfills set it. */
  at?: Date;
}

const oid = (id: string | Types.ObjectId) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/**
 * Appends one widget event. The widget routes call it for `open`, `tryon_created`,
 * `tryon_completed` and `refused`; `trackWidgetEvent` for the store's `add_to_cart`.
 * Events are statistics: a caller on a visitor's request path should not fail the
 * request when this throws (log it and go on).
 */
export async function recordWidgetEvent(input: WidgetEventInput): Promise<{ id: string }> {
  const doc = await WidgetEvent.create({
    orgId: oid(input.orgId),
    keyId: oid(input.keyId),
    vid: input.vid.slice(0, 64),
    type: input.type,
    ...(input.sku ? { sku: input.sku.slice(0, 100) } : {}),
    ...(input.jobId ? { jobId: oid(input.jobId) } : {}),
    ...(input.reason ? { reason: input.reason.slice(0, 100) } : {}),
    ...(input.origin ? { origin: input.origin.slice(0, 300) } : {}),
    ...(input.at ? { createdAt: input.at } : {}),
  });
  return { id: doc._id.toString() };
}
