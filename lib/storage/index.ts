export { putImage, type PutImageInput, type PutImageResult } from './put-image';
export { getImageForOwner, getImageBySignature, type GetImageOptions } from './get-image';
export {
  signImageUrl,
  verifyImageSignature,
  DEFAULT_SIGNED_URL_TTL_SECONDS,
} from './sign-image-url';
export { deleteImagesIfUnused, type DeleteImagesResult } from './delete-images-if-unused';
export { deleteExpiredImages, type DeleteExpiredImagesResult } from './delete-expired-images';
export {
  sweepOrphanObjects,
  ORPHAN_OBJECT_GRACE_MS,
  type SweepOrphanObjectsResult,
} from './sweep-orphan-objects';
export type { StoredImage } from './stored-image';
export { deleteOwnerImages } from './delete-owner-images';
export {
  migrateImages,
  type MigrateImagesOptions,
  type MigrateImagesProgress,
  type MigrateImagesResult,
} from './migrate-images';
export { storageDriver, objectKeyFor, type StorageDriver } from './object-store';
