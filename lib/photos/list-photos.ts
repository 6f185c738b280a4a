import { Types } from 'mongoose';
import { SavedPhoto, type SavedPhotoDoc } from '@/models/saved-photo';
import { MAX_SAVED_PHOTOS } from './schemas';

/** The owner's saved photos, newest first; expired ones (awaiting the daily purge) are left out. */
export async function listPhotos(userId: string, now = new Date()): Promise<SavedPhotoDoc[]> {
  if (!Types.ObjectId.isValid(userId)) return [];
  const docs = await SavedPhoto.find({ userId: new Types.ObjectId(userId) })
    .sort({ createdAt: -1 })
    .limit(MAX_SAVED_PHOTOS)
    .lean<SavedPhotoDoc[]>();
  return docs.filter((d) => !d.expiresAt || d.expiresAt > now);
}
