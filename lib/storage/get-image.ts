import { Types } from 'mongoose';
import { Asset } from '@/models';
import { connectDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { toStoredImage, type AssetRecord, type StoredImage } from './stored-image';
import { verifyImageSignature } from './sign-image-url';

export interface GetImageOptions {
  /** false: metadata only (`data` is empty), e.g. to answer 304 without loading bytes. */
  withData?: boolean;
}

async function findAsset(
  filter: Record<string, unknown>,
  opts: GetImageOptions,
): Promise<StoredImage | null> {
  await connectDb();
  const doc = (await Asset.findOne(
    filter,
    opts.withData === false ? { data: 0 } : undefined,
  ).lean()) as AssetRecord | null;
  return doc ? toStoredImage(doc) : null;
}

/** The owner's image, or `not_found` — also for someone else's id, so existence never leaks. */
export async function getImageForOwner(
  assetId: string,
  ownerId: string,
  opts: GetImageOptions = {},
): Promise<StoredImage> {
  if (!Types.ObjectId.isValid(assetId) || !Types.ObjectId.isValid(ownerId)) throw notFound('Image');
  // By `_id` alone, the owner checked here: a compound filter is a full scan on FerretDB.
  const image = await findAsset({ _id: new Types.ObjectId(assetId) }, opts);
  if (!image || image.ownerId !== new Types.ObjectId(ownerId).toString()) throw notFound('Image');
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
  const image = await findAsset({ _id: new Types.ObjectId(assetId) }, opts);
  if (!image) throw notFound('Image');
  return image;
}
