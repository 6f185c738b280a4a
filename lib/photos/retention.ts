/**
 * How long a saved photo is kept: 30 days, a year, or until its owner deletes
 * it. Plain constants (no zod), so the studio's first load does not carry a
 * schema library for one select; lib/photos/schemas.ts builds the route's
 * schema from the same list.
 */
export const PHOTO_RETENTIONS = ['30d', '1y', 'forever'] as const;
export type PhotoRetention = (typeof PHOTO_RETENTIONS)[number];

export const PHOTO_RETENTION_LABELS: Record<PhotoRetention, string> = {
  '30d': '30 days',
  '1y': '1 year',
  forever: 'Until I delete it',
};

/** True for one of PHOTO_RETENTIONS (what `photoRetentionSchema` accepts). */
export function isPhotoRetention(value: string): value is PhotoRetention {
  return (PHOTO_RETENTIONS as readonly string[]).includes(value);
}
