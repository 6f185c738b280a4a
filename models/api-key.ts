import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { API_KEY_KINDS } from './enums';

/** Keys are shown once; only the SHA-256 of the full key is stored. */
const apiKeySchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    name: { type: String, required: true, trim: true, maxlength: 100 },
    /** The first characters of the key (e.g. `tr_live_Ab12`), for listing. */
    prefix: { type: String, required: true, maxlength: 20 },
    keyHash: { type: String, required: true, minlength: 64, maxlength: 64 },
    lastUsedAt: { type: Date },
    usageCount: { type: Number, default: 0, min: 0 },
    revokedAt: { type: Date },
    /**
     * `<userId>:<n>` (n ≤ the cap) while the key is active: the cap is a unique
     * insert, not a count (FerretDB's count-then-insert lets racers through).
     * Freed on revoke. Keys from before slots have none and still count.
     */
    slotKey: { type: String, maxlength: 40 },
    /** The key this one regenerated: unique, so one key has at most one successor. */
    replacesKeyId: { type: Schema.Types.ObjectId },
    /** Publishable keys: the exact shop origins (`https://host[:port]`) the widget may run on. */
    allowedOrigins: { type: [String], default: undefined },
    /** Absent on keys from before kinds: those are secret keys. */
    kind: { type: String, enum: API_KEY_KINDS },
    /** A secret/test key that may be sent from a browser on another origin (default no). */
    allowBrowser: { type: Boolean },
    /** Credits this key may spend per UTC day (lib/caps); unset = no cap. */
    dailyCreditCap: { type: Number, min: 1, max: 10_000_000 },
    /** The person who created the key (the owner may be an organisation). */
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    /** `playground`: the test key the API playground issues itself (its secret changes on each visit). */
    purpose: { type: String, enum: ['playground'] },
  },
  { timestamps: true, collection: 'api_keys' },
);

apiKeySchema.index({ keyHash: 1 }, { unique: true });
apiKeySchema.index({ userId: 1, createdAt: -1 });
apiKeySchema.index({ slotKey: 1 }, { unique: true, sparse: true });
apiKeySchema.index({ replacesKeyId: 1 }, { unique: true, sparse: true });

export type ApiKeyDoc = InferSchemaType<typeof apiKeySchema> & { _id: mongoose.Types.ObjectId };
apiKeySchema.plugin(connectFirst);

export const ApiKey: Model<InferSchemaType<typeof apiKeySchema>> =
  (mongoose.models.ApiKey as Model<InferSchemaType<typeof apiKeySchema>>) ??
  mongoose.model('ApiKey', apiKeySchema);
