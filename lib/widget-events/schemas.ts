import { z } from 'zod';
import {
  WIDGET_EVENT_TYPES,
  WIDGET_TRACKABLE_EVENT_TYPES,
  type WidgetEventType,
  type WidgetTrackableEventType,
} from '@/models/enums';

/**
 * Shapes of the storefront's event beacon (POST /api/widget/events). Browser-safe: zod and
 * constants only. public/embed.js sends exactly this body.
 */
export {
  WIDGET_EVENT_TYPES,
  WIDGET_TRACKABLE_EVENT_TYPES,
  type WidgetEventType,
  type WidgetTrackableEventType,
};

/** The visitor id embed.js keeps in the shop's sessionStorage (`trailroom_vid`). */
export const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** The beacon's largest accepted body: a key, a type, a SKU and a visitor id fit in far less. */
export const WIDGET_EVENT_BODY_MAX_BYTES = 2048;

export const skuSchema = z.string().trim().min(1).max(100);

export const trackWidgetEventBody = z.object({
  key: z.string().trim().max(100),
  type: z.enum(WIDGET_TRACKABLE_EVENT_TYPES),
  sku: skuSchema,
  vid: z.string().regex(VISITOR_ID_PATTERN, 'must be the visitor id the widget issued'),
});
export type TrackWidgetEventBody = z.infer<typeof trackWidgetEventBody>;
