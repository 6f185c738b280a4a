import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { WIDGET_EVENT_TYPES } from './enums';

export { WIDGET_EVENT_TYPES };
export type { WidgetEventType } from './enums';

/**
 * One thing that happened in a storefront widget session: recorded by the widget routes
 * (`open`, `tryon_created`, `tryon_completed`, `refused`) and by the store's own page through
 * `TrailRoom.track` (`add_to_cart`). Append-only; the merchant dashboard and the refusals view
 * read them by organisation and time.
 */
const widgetEventSchema = new Schema(
  {
    /** The organisation that owns the publishable key. */
    orgId: { type: Schema.Types.ObjectId, required: true },
    /** The publishable key the event came through. */
    keyId: { type: Schema.Types.ObjectId, required: true },
    /** The visitor id the embed script keeps in the shop's sessionStorage (one per tab session). */
    vid: { type: String, required: true, maxlength: 64 },
    type: { type: String, enum: WIDGET_EVENT_TYPES, required: true },
    sku: { type: String, maxlength: 100 },
    jobId: { type: Schema.Types.ObjectId },
    /** Why a request was refused (an error code such as `widget_quota_exceeded`). */
    reason: { type: String, maxlength: 100 },
    /** The shop origin the request came from. */
    origin: { type: String, maxlength: 300 },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'widget_events' },
);

widgetEventSchema.index({ orgId: 1, createdAt: -1 });

export type WidgetEventDoc = InferSchemaType<typeof widgetEventSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};
widgetEventSchema.plugin(connectFirst);

export const WidgetEvent: Model<InferSchemaType<typeof widgetEventSchema>> =
  (mongoose.models.WidgetEvent as Model<InferSchemaType<typeof widgetEventSchema>>) ??
  mongoose.model('WidgetEvent', widgetEventSchema);
