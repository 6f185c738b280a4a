import sharp from 'sharp';

/**
 * A stored WebP as a JPEG (quality 90, progressive), for a download that
 * every photo app opens. Made on request and never stored: the WebP stays
 * the one copy. Stored images have no alpha and no metadata, so this is a
 * plain re-encode.
 */
export async function convertToJpeg(webp: Buffer): Promise<Buffer> {
  return sharp(webp).jpeg({ quality: 90, progressive: true, mozjpeg: true }).toBuffer();
}
