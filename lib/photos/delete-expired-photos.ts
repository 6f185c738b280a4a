import { deleteImagesIfUnused } from '@/lib/storage';
import { SavedPhoto } from '@/models/saved-photo';

/**
 * Retention (daily cron, before the image purge): saved photos past the
 * retention their owner chose are deleted, with their images unless a try-on
 * still uses them. Batches keep memory flat.
 */
export async function deleteExpiredPhotos(
  now = new Date(),
  opts: { batchSize?: number } = {},
): Promise<{ deleted: number }> {
  const batchSize = opts.batchSize ?? 200;
  let deleted = 0;
  for (;;) {
    const batch = await SavedPhoto.find({ expiresAt: { $lte: now } }, { _id: 1, userId: 1 })
      .limit(batchSize)
      .lean();
    if (batch.length === 0) break;
    for (const p of batch) {
      const res = await SavedPhoto.deleteOne({ _id: p._id, expiresAt: { $lte: now } });
      deleted += res.deletedCount;
      await deleteImagesIfUnused([p._id.toString()], p.userId.toString());
    }
    if (batch.length < batchSize) break;
  }
  return { deleted };
}
