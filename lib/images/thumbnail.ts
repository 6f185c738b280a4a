import sharp from 'sharp';

import type { ThumbnailWidth } from './thumbnail-widths';

export { THUMBNAIL_WIDTHS, type ThumbnailWidth } from './thumbnail-widths';

export interface Thumbnail {
  data: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
}

/**
 * A WebP no wider than `width` (never enlarged), aspect kept. Inputs are
 * already normalised WebP (EXIF applied, metadata stripped), so this is a
 * plain resize and re-encode.
 */
export async function makeThumbnail(source: Buffer, width: ThumbnailWidth): Promise<Thumbnail> {
  const { data, info } = await sharp(source)
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 78, effort: 2 })
    .toBuffer({ resolveWithObject: true });
  return { data, contentType: 'image/webp', width: info.width, height: info.height };
}

/**
 * Thumbnails by content hash and width, in process memory, bounded by bytes
 * (least recently used out first). Content-addressed, so an entry never goes
 * stale; a cold instance simply resizes again.
 */
export class ThumbnailCache {
  private readonly entries = new Map<string, Thumbnail>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  static key(sha256: string, width: ThumbnailWidth): string {
    return `${sha256}:${width}`;
  }

  get(key: string): Thumbnail | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Move to the most recently used end.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, thumb: Thumbnail): void {
    if (thumb.data.byteLength > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.data.byteLength;
    }
    this.entries.set(key, thumb);
    this.bytes += thumb.data.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.data.byteLength;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

const globalForThumbs = globalThis as unknown as { trailroomThumbnails?: ThumbnailCache };

/** The process-wide cache (32 MiB: ~1,000 history thumbnails at 320 px). */
export const thumbnailCache: ThumbnailCache = (globalForThumbs.trailroomThumbnails ??=
  new ThumbnailCache(32 * 2 ** 20));

/** The thumbnail of a stored image, from the cache or made and cached now. */
export async function cachedThumbnail(
  image: { sha256: string; data: Buffer },
  width: ThumbnailWidth,
): Promise<Thumbnail> {
  const key = ThumbnailCache.key(image.sha256, width);
  const hit = thumbnailCache.get(key);
  if (hit) return hit;
  const thumb = await makeThumbnail(image.data, width);
  thumbnailCache.set(key, thumb);
  return thumb;
}
