import type { SavedPhotoDoc } from '@/models/saved-photo';
import type { SavedPhotoResponse } from './schemas';

/** A saved photo as the API shows it: its image is the owner's asset (`/api/assets/{id}`). */
export function serializePhoto(p: SavedPhotoDoc): SavedPhotoResponse {
  const id = p._id.toString();
  return {
    id,
    asset_id: id,
    image_url: `/api/assets/${id}`,
    retention: p.retention,
    expires_at: p.expiresAt ? p.expiresAt.toISOString() : null,
    width: p.width,
    height: p.height,
    created_at: (p.createdAt as Date).toISOString(),
  };
}
