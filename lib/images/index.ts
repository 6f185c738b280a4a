export { IMAGE_LIMITS, BASE_IMAGE_TYPES } from './limits';
export {
  normalizeImage,
  acceptedImageTypes,
  heicSupported,
  type NormalizedImage,
  type NormalizeImageOptions,
} from './normalize-image';
export { decodeImageInput, isImageUrl } from './decode-image-input';
export { fetchImageUrl, type FetchImageUrlOptions } from './fetch-image-url';
export { readImageInput } from './read-image-input';
export { convertToJpeg } from './convert-to-jpeg';
