import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { ADMIN_OPERATION_KINDS, type AdminOperationKind } from './enums';

export { ADMIN_OPERATION_KINDS, type AdminOperationKind };

/**
 * Admin operations that call out (re-queue a job, refund at Stripe) and must
 * happen once per intent. The unique `key` (`<kind>:<entityId>:<seq>`) is
 * the claim: of concurrent requests for the same next step, exactly one
 * inserts (FerretDB applies no conditional update atomically, so a unique
 * insert is the only exactly-once primitive; docs/architecture.md).
 * `requestKey` is the client's idempotency key: a double-submitted form
 * finds its own operation and replays it.
 */
const adminOperationSchema = new Schema(
  {
    key: { type: String, required: true, maxlength: 300 },
    kind: { type: String, enum: ADMIN_OPERATION_KINDS, required: true },
    entityId: { type: String, required: true, maxlength: 100 },
    seq: { type: Number, required: true, min: 1 },
    requestKey: { type: String, required: true, maxlength: 100 },
    actorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    actorEmail: { type: String, maxlength: 320 },
    reason: { type: String, required: true, maxlength: 1000 },
    status: { type: String, enum: ['pending', 'succeeded', 'failed'], required: true },
    /** payment.refund: the money asked for, in cents. */
    amountCents: { type: Number, min: 1 },
    /** payment.refund: `stripe` (refunds.create) or `local` (the test checkout's revocation). */
    via: { type: String, enum: ['stripe', 'local'] },
    stripeRefundId: { type: String, maxlength: 255 },
    error: { type: String, maxlength: 1000 },
  },
  { timestamps: true, collection: 'admin_operations' },
);

adminOperationSchema.index({ key: 1 }, { unique: true });
adminOperationSchema.index({ entityId: 1, kind: 1, seq: 1 });

export type AdminOperationDoc = InferSchemaType<typeof adminOperationSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
adminOperationSchema.plugin(connectFirst);

export const AdminOperation: Model<InferSchemaType<typeof adminOperationSchema>> =
  (mongoose.models.AdminOperation as Model<InferSchemaType<typeof adminOperationSchema>>) ??
  mongoose.model('AdminOperation', adminOperationSchema);
