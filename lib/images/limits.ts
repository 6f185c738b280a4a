/**
 * The intake limits of DESIGN.md ("Try-on jobs"), in one place so the API
 * docs, the studio's client-side hints and the pipeline agree.
 */
export const IMAGE_LIMITS = {
  /** Largest accepted encoded file, after base64/data-URI decoding. */
  maxBytes: 10 * 1024 * 1024,
  /** Largest accepted side of the input, checked from the header before decoding. */
  maxInputDimension: 4096,
  /** Smallest accepted side, of the input and of the normalised output. */
  minDimension: 256,
  /** Normalised images fit inside this square. */
  outputMaxDimension: 1536,
  /** WebP quality of the normalised image. */
  webpQuality: 86,
} as const;

/** The types the pipeline accepts everywhere; HEIC is added where sharp decodes it (see acceptedImageTypes). */
export const BASE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
