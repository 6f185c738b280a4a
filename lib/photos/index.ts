export * from './schemas';
export { SAMPLES, findSample, type Sample, type SampleKind } from './samples';
export { savePhoto, type SavePhotoInput } from './save-photo';
export { listPhotos } from './list-photos';
export { deletePhoto, getPhotoOrThrow } from './delete-photo';
export { deleteExpiredPhotos } from './delete-expired-photos';
export { readSampleImage } from './read-sample-image';
export { serializePhoto } from './serialize-photo';
export { expiresAt } from './expires-at';
