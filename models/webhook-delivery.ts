import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { WEBHOOK_EVENT_TYPES } from './webhook-endpoint';

const attemptSchema = new Schema(
  {
    at: { type: Date, required: true },
    statusCode: { type: Number },
    latencyMs: { type: Number, min: 0 },
    responseExcerpt: { type: String, maxlength: 1000 },
    error: { type: String, maxlength: 500 },
    /** A redelivery asked for by the owner, outside the automatic schedule. */
    manual: { type: Boolean },
  },
  { _id: false },
);

/** One event for one endpoint; every attempt is logged in `attempts`. */
const webhookDeliverySchema = new Schema(
  {
    endpointId: { type: Schema.Types.ObjectId, ref: 'WebhookEndpoint', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The Standard Webhooks `webhook-id` (`msg_…`), stable across retries. */
    messageId: { type: String, required: true, maxlength: 100 },
    eventType: { type: String, enum: WEBHOOK_EVENT_TYPES, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    status: {
      type: String,
      enum: ['pending', 'succeeded', 'failed'],
      required: true,
      default: 'pending',
    },
    attempts: { type: [attemptSchema], default: [] },
    /**
     * When the next scheduled attempt is due, while pending. Inline mode keeps
     * its schedule here (a restart loses nothing); with Inngest it is informative.
     */
    nextAttemptAt: { type: Date },
    deliveredAt: { type: Date },
    failedAt: { type: Date },
    /** When the status last became succeeded or failed (orders the endpoint's health check). */
    settledAt: { type: Date },
    lastError: { type: String, maxlength: 500 },
    /** A "send test event" message: never counts toward disabling the endpoint. */
    test: { type: Boolean, default: false },
    /** False for a test-mode event (a test key's job) sent to a test endpoint (absent = live). */
    livemode: { type: Boolean },
  },
  { timestamps: true, collection: 'webhook_deliveries' },
);

webhookDeliverySchema.index({ messageId: 1, endpointId: 1 }, { unique: true });
webhookDeliverySchema.index({ endpointId: 1, createdAt: -1 });
webhookDeliverySchema.index({ userId: 1, createdAt: -1 });
webhookDeliverySchema.index({ endpointId: 1, settledAt: -1 });
// The due-deliveries sweep (inline mode): pending deliveries by next attempt.
webhookDeliverySchema.index({ status: 1, nextAttemptAt: 1 });

export type WebhookDeliveryDoc = InferSchemaType<typeof webhookDeliverySchema> & {
  _id: mongoose.Types.ObjectId;
};
webhookDeliverySchema.plugin(connectFirst);

export const WebhookDelivery: Model<InferSchemaType<typeof webhookDeliverySchema>> =
  (mongoose.models.WebhookDelivery as Model<InferSchemaType<typeof webhookDeliverySchema>>) ??
  mongoose.model('WebhookDelivery', webhookDeliverySchema);
