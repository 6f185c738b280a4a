import { Types } from 'mongoose';
import { Asset } from '@/models';
import { deletePrefix, objectStoreConfigured, ownerPrefix } from './object-store';

/**
 * Account deletion: every image of the owner, documents and objects. The
 * bucket is swept by the owner's key prefix before and after the documents
 * go, so an image stored concurrently (a try-on finishing during deletion)
 * leaves nothing behind that the daily finishAccountDeletions re-run would
 * not catch.
 */
export async function deleteOwnerImages(ownerId: string): Promise<{ deletedCount: number }> {
  if (!Types.ObjectId.isValid(ownerId)) return { deletedCount: 0 };
  const owner = new Types.ObjectId(ownerId);
  const bucket = objectStoreConfigured();
  if (bucket) await deletePrefix(ownerPrefix(owner.toString()));
  const res = await Asset.deleteMany({ ownerId: owner });
  if (bucket) await deletePrefix(ownerPrefix(owner.toString()));
  return { deletedCount: res.deletedCount };
}
