import type { StoredImage } from '@/lib/storage';

/**
 * The HTTP answer for a stored image, shared by /api/assets/[id] and the
 * try-on image routes. Images are immutable (content-addressed), so the
 * sha256 is a strong ETag. Owner responses may be cached privately for a
 * year; a signed link only until it expires. Never a shared cache.
 */
export interface ImageResponseOptions {
  /** The request's If-None-Match header. */
  ifNoneMatch?: string | null;
  /** Seconds the response may be cached privately (default one year). */
  maxAgeSeconds?: number;
  /** Suggests a download file name. */
  downloadName?: string;
}

export const OWNER_IMAGE_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export function imageEtag(image: Pick<StoredImage, 'sha256'>): string {
  return `"${image.sha256}"`;
}

/** True when the If-None-Match header matches the ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export function imageResponse(image: StoredImage, opts: ImageResponseOptions = {}): Response {
  const etag = imageEtag(image);
  const maxAge = opts.maxAgeSeconds ?? 31_536_000;
  const headers = new Headers({
    ETag: etag,
    'Cache-Control':
      maxAge >= 31_536_000
        ? OWNER_IMAGE_CACHE_CONTROL
        : `private, max-age=${Math.max(0, Math.floor(maxAge))}`,
    'X-Content-Type-Options': 'nosniff',
    // The bytes are ours (re-encoded WebP), but never let a browser run them as a document.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  if (etagMatches(opts.ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', image.contentType);
  headers.set('Content-Length', String(image.data.byteLength));
  if (opts.downloadName)
    headers.set(
      'Content-Disposition',
      `inline; filename="${opts.downloadName.replace(/[^\w.-]/g, '_')}"`,
    );
  return new Response(new Uint8Array(image.data), { status: 200, headers });
}
