import type { WidgetEventDoc } from '@/models/widget-event';

/** A widget event as JSON (snake_case, like the public API). */
export interface WidgetEventJson {
  id: string;
  type: WidgetEventDoc['type'];
  visitor_id: string;
  sku: string | null;
  job_id: string | null;
  reason: string | null;
  origin: string | null;
  created_at: string;
}

export function serializeWidgetEvent(doc: WidgetEventDoc): WidgetEventJson {
  return {
    id: doc._id.toString(),
    type: doc.type,
    visitor_id: doc.vid,
    sku: doc.sku ?? null,
    job_id: doc.jobId ? doc.jobId.toString() : null,
    reason: doc.reason ?? null,
    origin: doc.origin ?? null,
    created_at: doc.createdAt.toISOString(),
  };
}
