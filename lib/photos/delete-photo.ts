import { Types } from 'mongoose';
import { notFound } from '@/lib/errors';
import { deleteImagesIfUnused } from '@/lib/storage';
import { SavedPhoto, type SavedPhotoDoc } from '@/models/saved-photo';

/** Reads the owner's saved photo by `_id` alone; another person's id answers 404 like a missing one. */
export async function getPhotoOrThrow(userId: string, photoId: string): Promise<SavedPhotoDoc> {
  if (!Types.ObjectId.isValid(photoId) || !/^[0-9a-f]{24}$/i.test(photoId)) throw notFound('Photo');
  const doc = await SavedPhoto.findById(new Types.ObjectId(photoId)).lean<SavedPhotoDoc>();
  if (!doc || doc.userId.toString() !== userId) throw notFound('Photo');
  return doc;
}

/**
 * Deletes a saved photo at once, and its image unless a try-on of the owner
 * still shows it (that image goes with the try-on, or with the retention).
 */
export async function deletePhoto(
  userId: string,
  photoId: string,
): Promise<{ id: string; imageDeleted: boolean }> {
  const doc = await getPhotoOrThrow(userId, photoId);
  await SavedPhoto.deleteOne({ _id: doc._id });
  const { deleted } = await deleteImagesIfUnused([doc._id.toString()], userId);
  return { id: doc._id.toString(), imageDeleted: deleted.length === 1 };
}
