import { z } from 'zod';
import { PHOTO_RETENTIONS } from './retention';

/**
 * Saved photos ("My photos"): request and response schemas, browser-safe so
 * the studio's save checkbox validates with the route's own rules.
 */

export {
  PHOTO_RETENTIONS,
  PHOTO_RETENTION_LABELS,
  isPhotoRetention,
  type PhotoRetention,
} from './retention';
export const photoRetentionSchema = z.enum(PHOTO_RETENTIONS);

/** At most this many saved photos per person (the oldest must go first). */
export const MAX_SAVED_PHOTOS = 24;

/** POST /api/photos (multipart): the photo and its retention. */
export function savePhotoFormSchema<T extends z.ZodType>(image: T) {
  return z.object({ image, retention: photoRetentionSchema });
}

export const photoIdParamSchema = z.object({ id: z.string() });

export const savedPhotoResponseSchema = z.object({
  id: z.string(),
  asset_id: z.string(),
  image_url: z.string(),
  retention: photoRetentionSchema,
  expires_at: z.string().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  created_at: z.string(),
});
export type SavedPhotoResponse = z.infer<typeof savedPhotoResponseSchema>;

export const savedPhotoListResponseSchema = z.object({ data: z.array(savedPhotoResponseSchema) });
export type SavedPhotoListResponse = z.infer<typeof savedPhotoListResponseSchema>;
