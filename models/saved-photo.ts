import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';

/** Also in lib/photos/schemas.ts (browser-safe); a unit test keeps the two equal. */
export const PHOTO_RETENTIONS = ['30d', '1y', 'forever'] as const;
export type PhotoRetention = (typeof PHOTO_RETENTIONS)[number];

/**
 * A photo a shopper chose to keep for later try-ons (opt-in at upload). The
 * bytes are an ordinary asset (lib/storage) and `_id` IS that asset's id:
 * assets are content-addressed per owner, so saving the same photo twice is
 * one record, and every read is by `_id` alone. The record keeps the asset
 * alive past the image retention until `expiresAt` (none: until deleted).
 */
const savedPhotoSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    retention: { type: String, enum: PHOTO_RETENTIONS, required: true },
    expiresAt: { type: Date },
    width: { type: Number, required: true, min: 1 },
    height: { type: Number, required: true, min: 1 },
  },
  { timestamps: true, collection: 'saved_photos' },
);

savedPhotoSchema.index({ userId: 1, createdAt: -1 });
savedPhotoSchema.index({ expiresAt: 1 });

export type SavedPhotoDoc = InferSchemaType<typeof savedPhotoSchema> & {
  _id: mongoose.Types.ObjectId;
};
savedPhotoSchema.plugin(connectFirst);

export const SavedPhoto: Model<InferSchemaType<typeof savedPhotoSchema>> =
  (mongoose.models.SavedPhoto as Model<InferSchemaType<typeof savedPhotoSchema>>) ??
  mongoose.model('SavedPhoto', savedPhotoSchema);
