import { Types } from 'mongoose';
import { Asset } from '@/models';
import { notFound } from '@/lib/errors';
import { toStoredImage, type AssetRecord, type StoredImage } from './stored-image';
import { verifyImageSignature } from './sign-image-url';
import { getObject } from './object-store';

export interface GetImageOptions {
  /** false: metadata only (`data` is empty), e.g. to answer 304 without loading bytes. */
  withData?: boolean;
}

// By `_id` alone: a compound filter is a full scan on FerretDB.
async function findAssetById(assetId: string, opts: GetImageOptions): Promise<AssetRecord | null> {
  return Asset.findOne(
    { _id: new Types.ObjectId(assetId) },
    opts.withData === false ? { data: 0 } : undefined,
  ).lean<AssetRecord>();
}

/**
 * The image with its bytes as asked: bytes in the document win (also
 * mid-migration, when both are set); otherwise they come from the bucket.
 * An asset indexed but missing from the bucket reads as absent.
 */
async function withBytes(doc: AssetRecord, opts: GetImageOptions): Promise<StoredImage | null> {
  if (opts.withData === false || doc.data || !doc.objectKey) return toStoredImage(doc);
  const data = await getObject(doc.objectKey);
  return data ? toStoredImage(doc, data) : null;
}

/** The owner's image, or `not_found` — also for someone else's id, so existence never leaks. */
export async function getImageForOwner(
  assetId: string,
  ownerId: string,
  opts: GetImageOptions = {},
): Promise<StoredImage> {
  if (!Types.ObjectId.isValid(assetId) || !Types.ObjectId.isValid(ownerId)) throw notFound('Image');
  const doc = await findAssetById(assetId, opts);
  // The owner is checked before any byte is fetched from the bucket.
  if (!doc || doc.ownerId.toString() !== new Types.ObjectId(ownerId).toString())
    throw notFound('Image');
  const image = await withBytes(doc, opts);
  if (!image) throw notFound('Image');
  return image;
}

/** The image behind a signed link: `forbidden` for a bad or expired signature, `not_found` once deleted. */
export async function getImageBySignature(
  assetId: string,
  exp: string | number,
  sig: string,
  opts: GetImageOptions = {},
): Promise<StoredImage> {
  verifyImageSignature(assetId, exp, sig);
  if (!Types.ObjectId.isValid(assetId)) throw notFound('Image');
  const doc = await findAssetById(assetId, opts);
  const image = doc ? await withBytes(doc, opts) : null;
  if (!image) throw notFound('Image');
  return image;
}
