import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';

/**
 * What each admin granted each UTC day: a small ledger per (admin, day).
 * Entry `_id` is `<adminId>:<day>:<seq>` and carries the running total, so a
 * grant claims the next seq with a unique insert and sees the total before
 * it; concurrent grants serialise on the `_id` and the daily cap holds on
 * FerretDB too (whose conditional updates are not atomic: a count followed by
 * an insert lets every racer through). `operationKey` (`admin:<uuid>`, the
 * ledger key of the adjustment) is unique, so a replayed request claims nothing.
 */
const adminGrantSchema = new Schema(
  {
    _id: { type: String, required: true },
    adminId: { type: String, required: true, maxlength: 24 },
    /** `YYYY-MM-DD` (UTC). */
    day: { type: String, required: true, maxlength: 10 },
    seq: { type: Number, required: true, min: 1 },
    credits: { type: Number, required: true, min: 1 },
    /** Credits this admin granted this day up to and including this entry. */
    totalAfter: { type: Number, required: true, min: 1 },
    targetUserId: { type: String, required: true, maxlength: 24 },
    operationKey: { type: String, required: true, maxlength: 100 },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'admin_grants' },
);

adminGrantSchema.index({ operationKey: 1 }, { unique: true });
adminGrantSchema.index({ adminId: 1, day: 1, seq: -1 });

export type AdminGrantDoc = InferSchemaType<typeof adminGrantSchema> & { createdAt: Date };
adminGrantSchema.plugin(connectFirst);

export const AdminGrant: Model<InferSchemaType<typeof adminGrantSchema>> =
  (mongoose.models.AdminGrant as Model<InferSchemaType<typeof adminGrantSchema>>) ??
  mongoose.model('AdminGrant', adminGrantSchema);
