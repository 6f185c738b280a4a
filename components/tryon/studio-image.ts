import type { PreparedImage } from './downscale-image';

/**
 * A photo chosen for a studio slot: a file picked on this device (prepared
 * for upload), or an image the server already has — one of the shopper's
 * own assets (a saved photo, an earlier try-on's input) or a shipped sample —
 * sent as its reference (`asset:<id>`, `sample:<id>`) instead of bytes.
 */
export type StudioImage =
  ({ source: 'file' } & PreparedImage) | { source: 'ref'; ref: string; url: string; label: string };

export function fileImage(p: PreparedImage): StudioImage {
  return { source: 'file', ...p };
}

/** Frees a picked file's preview URL (references have none of their own). */
export function releaseImage(img: StudioImage | null | undefined): void {
  if (img?.source === 'file') URL.revokeObjectURL(img.url);
}
