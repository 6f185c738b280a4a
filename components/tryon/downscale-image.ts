/**
 * Browser-only: shrinks a picked photo to at most `maxSide` px (EXIF
 * orientation applied) and re-encodes it as JPEG before upload, so a 12 MP
 * phone photo travels as a few hundred KB. The server normalises it again;
 * this only saves the person's bandwidth and time.
 */
export interface PreparedImage {
  blob: Blob;
  url: string;
  width: number;
  height: number;
  originalBytes: number;
}

export const CLIENT_MAX_SIDE = 2048;

async function decode(file: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // Fall through: some browsers refuse options or formats here but can load an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downscaleImage(
  file: File,
  maxSide = CLIENT_MAX_SIDE,
  quality = 0.9,
): Promise<PreparedImage> {
  let source: ImageBitmap | HTMLImageElement;
  try {
    source = await decode(file);
  } catch {
    throw new Error('This file could not be read as an image. Use a JPEG, PNG or WebP photo.');
  }
  const w = 'naturalWidth' in source ? source.naturalWidth : source.width;
  const h = 'naturalHeight' in source ? source.naturalHeight : source.height;
  if (!w || !h) throw new Error('This image has no size.');
  const scale = Math.min(1, maxSide / Math.max(w, h));
  const width = Math.round(w * scale);
  const height = Math.round(h * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Your browser cannot prepare images (no canvas).');
  // JPEG has no alpha: flatten on white, as the server does.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  if ('close' in source) source.close();
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The image could not be encoded.'))),
      'image/jpeg',
      quality,
    ),
  );
  return { blob, url: URL.createObjectURL(blob), width, height, originalBytes: file.size };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
