import { Types } from 'mongoose';
import { Asset } from '@/models';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import type { NormalizedImage } from '@/lib/images';
import { deleteObjects, objectKeyFor, putObject, storageDriver } from './object-store';

export interface PutImageInput {
  ownerId: string;
  kind: 'input' | 'output';
  image: NormalizedImage;
}

export interface PutImageResult {
  id: string;
  sha256: string;
  width: number;
  height: number;
}

/**
 * Stores a normalised image, content-addressed per owner: the same bytes
 * stored twice by one owner are one asset. Concurrent first stores race on
 * the unique (ownerId, sha256) index; the loser re-reads the winner. A reuse
 * bumps `updatedAt` so that retention and "delete if unused" treat the asset
 * as freshly used.
 */
export async function putImage({ ownerId, kind, image }: PutImageInput): Promise<PutImageResult> {
  if (!Types.ObjectId.isValid(ownerId)) throw new AppError('bad_request', 'Invalid owner id');
  const owner = new Types.ObjectId(ownerId);
  const result = (doc: {
    _id: Types.ObjectId;
    sha256: string;
    width: number;
    height: number;
  }): PutImageResult => ({
    id: doc._id.toString(),
    sha256: doc.sha256,
    width: doc.width,
    height: doc.height,
  });

  // Read, then bump updatedAt (FerretDB's findAndModify takes no projection, and
  // the bytes should not travel back for a dedupe hit).
  const touch = async () => {
    const doc = await Asset.findOne({ ownerId: owner, sha256: image.sha256 }, { data: 0 }).lean();
    if (doc)
      await Asset.updateOne(
        { _id: doc._id },
        { $set: { updatedAt: new Date() } },
        { timestamps: false },
      );
    return doc;
  };

  const existing = await touch();
  if (existing) return result(existing);

  // With the s3 driver the bytes go to the bucket first, then the index
  // document that points at them: a reader never finds a document whose
  // bytes are not there yet. (A crash in between leaves an unindexed object.)
  const _id = new Types.ObjectId();
  const objectKey =
    storageDriver() === 's3' ? objectKeyFor(ownerId, image.sha256, _id.toString()) : undefined;
  if (objectKey)
    await putObject(objectKey, image.data, {
      sha256: image.sha256,
      contentType: image.contentType,
    });
  try {
    const created = await Asset.create({
      _id,
      ownerId: owner,
      sha256: image.sha256,
      kind,
      contentType: image.contentType,
      size: image.size,
      width: image.width,
      height: image.height,
      ...(objectKey ? { objectKey } : { data: image.data }),
    });
    return result(created);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    // Lost the race: our object (keyed by our unused id) is nobody's.
    if (objectKey) await deleteObjects([objectKey]).catch(() => undefined);
    const winner = await touch();
    if (!winner) throw err;
    return result(winner);
  }
}
