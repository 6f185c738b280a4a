import type { Types } from 'mongoose';
import { deleteObjects, objectKeyFor, objectStoreConfigured } from './object-store';

export interface AssetKeyFields {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  sha256: string;
  objectKey?: string | null;
}

/**
 * After their documents are gone: deletes the assets' objects from the
 * bucket. Also the derived key of an asset still in MongoDB, in case a
 * migration had copied it up but not yet recorded it. Nothing to do
 * without a bucket.
 */
export async function deleteAssetObjects(docs: readonly AssetKeyFields[]): Promise<void> {
  if (docs.length === 0 || !objectStoreConfigured()) return;
  const keys = docs.flatMap((d) => {
    const derived = objectKeyFor(d.ownerId.toString(), d.sha256, d._id.toString());
    return d.objectKey && d.objectKey !== derived ? [d.objectKey, derived] : [derived];
  });
  await deleteObjects(keys);
}
