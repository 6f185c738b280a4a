import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './enums';

export { WEBHOOK_EVENT_TYPES, type WebhookEventType };

const webhookEndpointSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    url: { type: String, required: true, maxlength: 2048 },
    description: { type: String, trim: true, maxlength: 200 },
    /** Standard Webhooks secret (`whsec_` + base64). Needed in clear to sign. */
    secret: { type: String, required: true, maxlength: 200 },
    /** The secret replaced by the last rotation; also signs until previousSecretExpiresAt. */
    previousSecret: { type: String, maxlength: 200 },
    previousSecretExpiresAt: { type: Date },
    events: { type: [String], enum: WEBHOOK_EVENT_TYPES, default: [...WEBHOOK_EVENT_TYPES] },
    enabled: { type: Boolean, default: true },
    disabledReason: { type: String, maxlength: 500 },
    disabledAt: { type: Date },
    /** When the endpoint was created or last re-enabled: failures before it do not count. */
    enabledAt: { type: Date },
    consecutiveFailures: { type: Number, default: 0, min: 0 },
    slotKey: { type: String, maxlength: 40 },
    /** False for an endpoint created with a test key: it receives test events only (absent = live). */
    livemode: { type: Boolean },
  },
  { timestamps: true, collection: 'webhook_endpoints' },
);

webhookEndpointSchema.index({ userId: 1, createdAt: -1 });
// `<userId>:<n>`, n in 1..MAX_ENDPOINTS_PER_USER: the per-user cap as a unique
// insert (racing creates at the cap cannot both win). Sparse: endpoints made
// before slots existed have none and still count toward the cap.
webhookEndpointSchema.index({ slotKey: 1 }, { unique: true, sparse: true });

export type WebhookEndpointDoc = InferSchemaType<typeof webhookEndpointSchema> & {
  _id: mongoose.Types.ObjectId;
};
webhookEndpointSchema.plugin(connectFirst);

export const WebhookEndpoint: Model<InferSchemaType<typeof webhookEndpointSchema>> =
  (mongoose.models.WebhookEndpoint as Model<InferSchemaType<typeof webhookEndpointSchema>>) ??
  mongoose.model('WebhookEndpoint', webhookEndpointSchema);
