import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { SUPPORT_MESSAGE_STATUSES, SUPPORT_TOPICS } from './enums-support';

export { SUPPORT_MESSAGE_STATUSES, SUPPORT_TOPICS };

/**
 * A message sent through the support form (/support), signed in or not.
 * Admins read them at /admin/support and mark them handled.
 */
const supportMessageSchema = new Schema(
  {
    /** The sender's account when they were signed in. */
    userId: { type: Schema.Types.ObjectId, ref: 'User' },
    /** Where to answer: the account email when signed in, else what they typed. */
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 320 },
    name: { type: String, trim: true, maxlength: 100 },
    topic: { type: String, enum: SUPPORT_TOPICS, required: true },
    message: { type: String, required: true, maxlength: 5000 },
    status: { type: String, enum: SUPPORT_MESSAGE_STATUSES, default: 'open', required: true },
    handledAt: { type: Date },
    handledBy: { type: Schema.Types.ObjectId, ref: 'User' },
    ip: { type: String, maxlength: 100 },
    userAgent: { type: String, maxlength: 500 },
  },
  { timestamps: true, collection: 'support_messages' },
);

supportMessageSchema.index({ status: 1, createdAt: -1 });
supportMessageSchema.index({ createdAt: -1 });
supportMessageSchema.index({ userId: 1, createdAt: -1 });

export type SupportMessageDoc = InferSchemaType<typeof supportMessageSchema> & {
  _id: mongoose.Types.ObjectId;
};
supportMessageSchema.plugin(connectFirst);

export const SupportMessage: Model<InferSchemaType<typeof supportMessageSchema>> =
  (mongoose.models.SupportMessage as Model<InferSchemaType<typeof supportMessageSchema>>) ??
  mongoose.model('SupportMessage', supportMessageSchema);
