import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { ORG_STATUSES, type OrgStatus } from './enums';

export { ORG_STATUSES, type OrgStatus };

/** Widget settings defaults (the widget and retention read them). */
export const ORG_SETTINGS_DEFAULTS = { widgetRetentionHours: 24, visitorDailyTryons: 5 } as const;

/**
 * An organisation (a team or a shop): it owns credits, keys, webhooks, jobs
 * and products the way a person does — owned records keep their `userId`
 * field and it holds this `_id` (ObjectIds never collide with users').
 * `freeCredits`/`paidCredits`/`ledgerSeq` are the ledger projection, as on
 * users; organisations get no daily free credits (`freeCredits` stays 0).
 */
const organizationSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 100 },
    /** URL-safe, unique: `[a-z0-9-]{2,48}`. */
    slug: { type: String, required: true, lowercase: true, trim: true, maxlength: 48 },
    status: { type: String, enum: ORG_STATUSES, default: 'active', required: true },
    suspendedReason: { type: String, maxlength: 500 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // Ledger projection (lib/credits)
    freeCredits: { type: Number, default: 0, min: 0 },
    paidCredits: { type: Number, default: 0 },
    freeCreditsDay: { type: String, maxlength: 10 },
    ledgerSeq: { type: Number, default: 0, min: 0 },
    /** Credits the account may spend per UTC calendar month (lib/caps); unset = no cap. */
    monthlySpendCap: { type: Number, min: 1, max: 100_000_000 },
    stripeCustomerId: { type: String, maxlength: 255 },
    settings: {
      widgetRetentionHours: {
        type: Number,
        default: ORG_SETTINGS_DEFAULTS.widgetRetentionHours,
        min: 1,
        max: 720,
      },
      widgetDailyCreditCap: { type: Number, min: 0 },
      visitorDailyTryons: {
        type: Number,
        default: ORG_SETTINGS_DEFAULTS.visitorDailyTryons,
        min: 0,
        max: 1000,
      },
    },
    deletedAt: { type: Date },
  },
  { timestamps: true, collection: 'organizations' },
);

organizationSchema.index({ slug: 1 }, { unique: true });
organizationSchema.index({ createdAt: -1 });
organizationSchema.index({ stripeCustomerId: 1 });

export type OrganizationDoc = InferSchemaType<typeof organizationSchema> & {
  _id: mongoose.Types.ObjectId;
};
organizationSchema.plugin(connectFirst);

export const Organization: Model<InferSchemaType<typeof organizationSchema>> =
  (mongoose.models.Organization as Model<InferSchemaType<typeof organizationSchema>>) ??
  mongoose.model('Organization', organizationSchema);
