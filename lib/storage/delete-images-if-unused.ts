import { Types } from 'mongoose';
import { Asset } from '@/models';
import { findReferencedAssets } from './find-referenced-assets';
import { deleteAssetObjects, type AssetKeyFields } from './delete-asset-objects';
import { objectStoreConfigured } from './object-store';

export interface DeleteImagesResult {
  deleted: string[];
  kept: string[];
}

/**
 * Deletes those of the owner's images that no remaining try-on job of the
 * owner references. Call it after deleting the job document (or name that
 * job in `exceptJobIds`): an input reused by another job survives.
 *
 * Without transactions a concurrent upload of the same bytes could reuse an
 * asset between the reference check and the delete; putImage bumps
 * `updatedAt` on reuse, and the delete only removes assets not touched since
 * the check began, which closes that window except for a job inserted after
 * its putImage and after this check (milliseconds; the job then reads back
 * "image expired" rather than someone else's data). A deleted asset's object
 * leaves the bucket right after its document.
 */
export async function deleteImagesIfUnused(
  assetIds: readonly string[],
  ownerId: string,
  opts: { exceptJobIds?: readonly string[] } = {},
): Promise<DeleteImagesResult> {
  const ids = [...new Set(assetIds)]
    .filter((id) => Types.ObjectId.isValid(id))
    .map((id) => new Types.ObjectId(id));
  if (ids.length === 0 || !Types.ObjectId.isValid(ownerId)) return { deleted: [], kept: [] };
  const owner = new Types.ObjectId(ownerId);
  const checkedAt = new Date();
  const except = (opts.exceptJobIds ?? [])
    .filter((id) => Types.ObjectId.isValid(id))
    .map((id) => new Types.ObjectId(id));
  const used = await findReferencedAssets(ids, {
    userId: owner,
    ...(except.length ? { _id: { $nin: except } } : {}),
  });

  const deleted: string[] = [];
  const kept: string[] = [];
  for (const id of ids) {
    if (used.has(id.toString())) {
      kept.push(id.toString());
      continue;
    }
    // With a bucket, read the key fields first (by `_id` alone) to delete the object after.
    const doc = objectStoreConfigured()
      ? await Asset.findOne(
          { _id: id },
          { ownerId: 1, sha256: 1, objectKey: 1 },
        ).lean<AssetKeyFields>()
      : null;
    const res = await Asset.deleteOne({ _id: id, ownerId: owner, updatedAt: { $lte: checkedAt } });
    (res.deletedCount === 1 ? deleted : kept).push(id.toString());
    if (res.deletedCount === 1 && doc) await deleteAssetObjects([doc]);
  }
  return { deleted, kept };
}
