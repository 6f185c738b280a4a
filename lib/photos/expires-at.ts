import type { PhotoRetention } from './schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a photo saved at `from` with `retention` expires; undefined: kept until deleted. */
export function expiresAt(retention: PhotoRetention, from: Date): Date | undefined {
  if (retention === '30d') return new Date(from.getTime() + 30 * DAY_MS);
  if (retention === '1y') return new Date(from.getTime() + 365 * DAY_MS);
  return undefined;
}
