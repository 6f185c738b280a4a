import { decodeImageInput, isImageUrl } from './decode-image-input';
import { fetchImageUrl, type FetchImageUrlOptions } from './fetch-image-url';

/**
 * Turns one API image field (base64, `data:` URI or https URL) into raw
 * bytes, still to be passed through `normalizeImage`.
 */
export async function readImageInput(
  value: string,
  opts: FetchImageUrlOptions = {},
): Promise<Buffer> {
  return isImageUrl(value)
    ? fetchImageUrl(value, opts)
    : decodeImageInput(value, { maxBytes: opts.maxBytes });
}
