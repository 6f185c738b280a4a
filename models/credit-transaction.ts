import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { CREDIT_TX_TYPES, OWNER_TYPES, type CreditTxType } from './enums';

export { CREDIT_TX_TYPES, type CreditTxType };

/**
 * Append-only credit ledger. `_id` is `<userId>:<seq>` (and `(userId, seq)` is
 * unique): each entry claims the next position in its owner's ledger, which
 * serialises concurrent writers on any MongoDB-wire server (see lib/credits). `idempotencyKey` is unique:
 * replaying an operation finds its entry instead of writing a second one.
 */
const creditTransactionSchema = new Schema(
  {
    /** `<userId>:<seq>` — an `_id` lookup is the one query FerretDB answers without a scan. */
    _id: { type: String, required: true },
    /** The OWNER id: a User `_id` or an Organization `_id` (see `ownerType`). */
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Absent on entries from before organisations: 'user'. */
    ownerType: { type: String, enum: OWNER_TYPES },
    seq: { type: Number, required: true, min: 1 },
    type: { type: String, enum: CREDIT_TX_TYPES, required: true },
    /** Signed total change (freeDelta + paidDelta). */
    credits: { type: Number, required: true },
    freeDelta: { type: Number, required: true, default: 0 },
    paidDelta: { type: Number, required: true, default: 0 },
    freeAfter: { type: Number, required: true },
    paidAfter: { type: Number, required: true },
    balanceAfter: { type: Number, required: true },
    /** UTC day (YYYY-MM-DD) whose daily free top-up is reflected in freeAfter. */
    freeDay: { type: String, required: true, minlength: 10, maxlength: 10 },
    description: { type: String, required: true, maxlength: 500 },
    referenceType: {
      type: String,
      enum: ['tryon_job', 'payment', 'admin', 'admin_action', 'daily', 'system'],
      required: true,
    },
    referenceId: { type: String, maxlength: 200 },
    actor: {
      type: { type: String, enum: ['user', 'system', 'admin'], required: true },
      id: { type: String, maxlength: 200 },
    },
    idempotencyKey: { type: String, required: true, maxlength: 300 },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'credit_transactions' },
);

creditTransactionSchema.index({ idempotencyKey: 1 }, { unique: true });
creditTransactionSchema.index({ userId: 1, seq: 1 }, { unique: true });
creditTransactionSchema.index({ userId: 1, createdAt: -1 });
creditTransactionSchema.index({ userId: 1, type: 1, createdAt: -1 });
// Daily analytics read one UTC day of entries at a time.
creditTransactionSchema.index({ createdAt: 1 });

export type CreditTransactionDoc = InferSchemaType<typeof creditTransactionSchema>;
creditTransactionSchema.plugin(connectFirst);

export const CreditTransaction: Model<InferSchemaType<typeof creditTransactionSchema>> =
  (mongoose.models.CreditTransaction as Model<InferSchemaType<typeof creditTransactionSchema>>) ??
  mongoose.model('CreditTransaction', creditTransactionSchema);
