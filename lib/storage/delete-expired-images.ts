import type { Types } from 'mongoose';
import { Asset } from '@/models';
import { findReferencedAssets } from './find-referenced-assets';
import { deleteAssetObjects, type AssetKeyFields } from './delete-asset-objects';
import { objectStoreConfigured } from './object-store';

export interface DeleteExpiredImagesResult {
  scanned: number;
  deleted: number;
  kept: number;
}

/**
 * Retention (daily cron): deletes images stored before `olderThan` and not
 * used since, unless a try-on job created at or after `olderThan` still
 * references them (an old upload reused by a recent job through content
 * addressing). Works in batches of `batchSize` ids so memory stays flat.
 * Objects in the bucket go with their documents.
 */
export async function deleteExpiredImages(
  olderThan: Date,
  opts: { batchSize?: number } = {},
): Promise<DeleteExpiredImagesResult> {
  const batchSize = opts.batchSize ?? 500;
  const totals: DeleteExpiredImagesResult = { scanned: 0, deleted: 0, kept: 0 };
  let after: Types.ObjectId | undefined;

  for (;;) {
    const batch = await Asset.find(
      { createdAt: { $lt: olderThan }, ...(after ? { _id: { $gt: after } } : {}) },
      { _id: 1, ownerId: 1, sha256: 1, objectKey: 1 },
    )
      .sort({ _id: 1 })
      .limit(batchSize)
      .lean<AssetKeyFields[]>();
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?._id;
    totals.scanned += batch.length;

    const ids = batch.map((a) => a._id);
    const used = await findReferencedAssets(ids, { createdAt: { $gte: olderThan } });
    const expired = ids.filter((id) => !used.has(id.toString()));
    const res = expired.length
      ? await Asset.deleteMany({ _id: { $in: expired }, updatedAt: { $lt: olderThan } })
      : { deletedCount: 0 };
    if (res.deletedCount > 0 && objectStoreConfigured()) {
      // The objects of those whose documents are gone now (some may have been touched since).
      const left = new Set(
        (await Asset.find({ _id: { $in: expired } }, { _id: 1 }).lean()).map((a) =>
          a._id.toString(),
        ),
      );
      const expiredSet = new Set(expired.map((id) => id.toString()));
      await deleteAssetObjects(
        batch.filter((a) => expiredSet.has(a._id.toString()) && !left.has(a._id.toString())),
      );
    }
    totals.deleted += res.deletedCount;
    totals.kept += batch.length - res.deletedCount;
    if (batch.length < batchSize) break;
  }
  return totals;
}
