import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';

/**
 * An image, indexed in MongoDB (lib/storage), content-addressed by sha256 and
 * scoped to its owner: the same bytes uploaded twice by one person are one asset.
 * The document is always the index and the owner record; the bytes are either
 * in `data` (STORAGE_DRIVER=mongodb) or in the bucket under `objectKey` (s3).
 * Both set means a move between the two was interrupted (the migration finishes it).
 */
const assetSchema = new Schema(
  {
    ownerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    sha256: { type: String, required: true, minlength: 64, maxlength: 64 },
    kind: { type: String, enum: ['input', 'output'], required: true },
    contentType: { type: String, required: true, maxlength: 100 },
    size: { type: Number, required: true, min: 0 },
    width: { type: Number, required: true, min: 1 },
    height: { type: Number, required: true, min: 1 },
    data: { type: Buffer },
    objectKey: { type: String, maxlength: 1024 },
  },
  { timestamps: true, collection: 'assets' },
);

assetSchema.pre('validate', function () {
  if (!this.data && !this.objectKey) this.invalidate('data', 'An asset needs data or an objectKey');
});

assetSchema.index({ ownerId: 1, sha256: 1 }, { unique: true });
assetSchema.index({ createdAt: 1 });

export type AssetDoc = InferSchemaType<typeof assetSchema> & { _id: mongoose.Types.ObjectId };
assetSchema.plugin(connectFirst);

export const Asset: Model<InferSchemaType<typeof assetSchema>> =
  (mongoose.models.Asset as Model<InferSchemaType<typeof assetSchema>>) ??
  mongoose.model('Asset', assetSchema);
