export { IMAGE_LIMITS, ACCEPTED_IMAGE_TYPES } from './limits';
export {
  normalizeImage,
  type NormalizedImage,
  type NormalizeImageOptions,
} from './normalize-image';
export { decodeImageInput, isImageUrl } from './decode-image-input';
export { fetchImageUrl, type FetchImageUrlOptions } from './fetch-image-url';
export { readImageInput } from './read-image-input';
