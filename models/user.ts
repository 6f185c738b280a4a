import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { ROLES, USER_STATUSES, type Role, type UserStatus } from './enums';

export { ROLES, USER_STATUSES, type Role, type UserStatus };

/**
 * A person. `freeCredits`/`paidCredits`/`ledgerSeq` are a projection of the
 * credit ledger (the ledger is the source of truth, see lib/credits).
 */
const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 320 },
    name: { type: String, trim: true, maxlength: 200 },
    image: { type: String, maxlength: 2048 },
    provider: { type: String, enum: ['google', 'dev', 'seed'], default: 'google' },
    providerAccountId: { type: String, maxlength: 256 },
    role: { type: String, enum: ROLES, default: 'user', required: true },
    status: { type: String, enum: USER_STATUSES, default: 'active', required: true },
    suspendedReason: { type: String, maxlength: 500 },
    /** Bumped by "sign out everywhere": tokens carrying an older version are refused. */
    sessionVersion: { type: Number, default: 0, min: 0 },
    lastLoginAt: { type: Date },
    // Ledger projection
    freeCredits: { type: Number, default: 0, min: 0 },
    paidCredits: { type: Number, default: 0 },
    /** UTC day (YYYY-MM-DD) of the last daily free top-up. */
    freeCreditsDay: { type: String, maxlength: 10 },
    ledgerSeq: { type: Number, default: 0, min: 0 },
    /** Credits the account may spend per UTC calendar month (lib/caps); unset = no cap. */
    monthlySpendCap: { type: Number, min: 1, max: 100_000_000 },
    stripeCustomerId: { type: String, maxlength: 255 },
    deletedAt: { type: Date },
  },
  { timestamps: true, collection: 'users' },
);

userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ role: 1, createdAt: -1 });
userSchema.index({ stripeCustomerId: 1 });
userSchema.index({ createdAt: -1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
userSchema.plugin(connectFirst);

export const User: Model<InferSchemaType<typeof userSchema>> =
  (mongoose.models.User as Model<InferSchemaType<typeof userSchema>>) ??
  mongoose.model('User', userSchema);
