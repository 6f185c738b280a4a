import { z } from 'zod';

/**
 * Saved photos ("My photos"): request and response schemas, browser-safe so
 * the studio's save checkbox validates with the route's own rules.
 */

/** How long a saved photo is kept: 30 days, a year, or until its owner deletes it. */
export const PHOTO_RETENTIONS = ['30d', '1y', 'forever'] as const;
export type PhotoRetention = (typeof PHOTO_RETENTIONS)[number];
export const photoRetentionSchema = z.enum(PHOTO_RETENTIONS);

export const PHOTO_RETENTION_LABELS: Record<PhotoRetention, string> = {
  '30d': '30 days',
  '1y': '1 year',
  forever: 'Until I delete it',
};

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
