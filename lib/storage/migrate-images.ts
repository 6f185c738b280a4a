import mongoose, { Types } from 'mongoose';
import { Asset } from '@/models';
import { connectDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { toBuffer, type AssetRecord } from './stored-image';
import {
  deleteObjects,
  getObject,
  objectExists,
  objectKeyFor,
  objectStoreConfigured,
  putObject,
  sha256Hex,
  type StorageDriver,
} from './object-store';

export interface MigrateImagesOptions {
  to: StorageDriver;
  /** Stop after this many assets were moved or completed (the marker keeps the place). */
  limit?: number;
  batchSize?: number;
  onProgress?: (p: MigrateImagesProgress) => void;
}

export interface MigrateImagesProgress {
  /** Assets still to look at when the run started (from the marker on). */
  total: number;
  scanned: number;
  /** Moved whole in this run. */
  moved: number;
  /** Found half-moved (both copies) and finished. */
  completed: number;
  /** Bytes whose sha256 does not match the document: left where they are. */
  corrupt: string[];
  /** Indexed in the bucket, but the object is not there (unreadable already): left as they are. */
  missing: string[];
}

export interface MigrateImagesResult extends MigrateImagesProgress {
  /** false when stopped by `limit`: run again to continue from the marker. */
  done: boolean;
}

const MARKERS = 'storage_migrations';

interface Marker {
  _id: string;
  after: Types.ObjectId;
  updatedAt: Date;
}

function markers() {
  return mongoose.connection.collection<Marker>(MARKERS);
}

/**
 * Moves image bytes between the asset documents (mongodb) and the bucket
 * (s3). The asset document stays the index and owner record either way.
 *
 * Each asset passes through a state where both copies exist, so a run killed
 * at any point leaves every asset readable (reads prefer the document's
 * bytes) and the next run finishes what it finds half-moved:
 *   to s3:      PUT object (sha256-checked) → set objectKey → unset data
 *   to mongodb: GET object (sha256-checked) → set data → delete object → unset objectKey
 * Progress is kept in `storage_migrations` (the last asset id done, per
 * direction), so a stopped run resumes where it stopped; a run that reaches
 * the end removes its marker. Running again then scans and changes nothing.
 */
export async function migrateImages(opts: MigrateImagesOptions): Promise<MigrateImagesResult> {
  if (!objectStoreConfigured())
    throw new AppError('bad_request', 'Set S3_BUCKET (and its S3_* settings) to migrate images');
  await connectDb();
  const markerId = `to-${opts.to}`;
  // A run in the other direction restarts from the beginning.
  await markers().deleteOne({ _id: opts.to === 's3' ? 'to-mongodb' : 'to-s3' });
  const marker = await markers().findOne({ _id: markerId });
  let after = marker?.after;
  const batchSize = opts.batchSize ?? 100;
  const limit = opts.limit ?? Infinity;
  const pending = opts.to === 's3' ? { data: { $exists: true } } : { objectKey: { $exists: true } };
  const fromMarker = () => ({ ...pending, ...(after ? { _id: { $gt: after } } : {}) });

  const progress: MigrateImagesProgress = {
    total: await Asset.countDocuments(fromMarker()),
    scanned: 0,
    moved: 0,
    completed: 0,
    corrupt: [],
    missing: [],
  };
  opts.onProgress?.({ ...progress });

  for (;;) {
    const batch = await Asset.find(fromMarker(), { data: 0 })
      .sort({ _id: 1 })
      .limit(batchSize)
      .lean<AssetRecord[]>();
    if (batch.length === 0) break;
    for (const doc of batch) {
      if (progress.moved + progress.completed >= limit) {
        opts.onProgress?.({ ...progress });
        return { ...progress, done: false };
      }
      const outcome = opts.to === 's3' ? await moveToBucket(doc) : await moveToDocument(doc);
      progress.scanned += 1;
      if (outcome === 'moved') progress.moved += 1;
      else if (outcome === 'completed') progress.completed += 1;
      else if (outcome === 'corrupt') progress.corrupt.push(doc._id.toString());
      else if (outcome === 'missing') progress.missing.push(doc._id.toString());
      after = doc._id;
      await markers().updateOne(
        { _id: markerId },
        { $set: { after: doc._id, updatedAt: new Date() } },
        { upsert: true },
      );
      if (progress.scanned % 25 === 0) opts.onProgress?.({ ...progress });
    }
  }
  await markers().deleteOne({ _id: markerId });
  opts.onProgress?.({ ...progress });
  return { ...progress, done: true };
}

type Outcome = 'moved' | 'completed' | 'corrupt' | 'missing' | 'gone';

async function loadData(id: Types.ObjectId): Promise<Buffer | null> {
  const doc = await Asset.findOne({ _id: id }, { data: 1 }).lean<Pick<AssetRecord, 'data'>>();
  return doc?.data ? toBuffer(doc.data) : null;
}

async function moveToBucket(doc: AssetRecord): Promise<Outcome> {
  const key = doc.objectKey ?? objectKeyFor(doc.ownerId.toString(), doc.sha256, doc._id.toString());
  const half = Boolean(doc.objectKey);
  if (!half || !(await objectExists(key))) {
    const data = await loadData(doc._id);
    if (!data) return 'gone';
    if (sha256Hex(data) !== doc.sha256) return 'corrupt';
    await putObject(key, data, { sha256: doc.sha256, contentType: doc.contentType });
    await Asset.updateOne({ _id: doc._id }, { $set: { objectKey: key } }, { timestamps: false });
  }
  await Asset.updateOne({ _id: doc._id }, { $unset: { data: 1 } }, { timestamps: false });
  return half ? 'completed' : 'moved';
}

async function moveToDocument(doc: AssetRecord): Promise<Outcome> {
  const key = doc.objectKey;
  if (!key) return 'gone';
  let data = await loadData(doc._id);
  const half = data !== null;
  if (!data) {
    data = await getObject(key);
    if (!data) return 'missing';
    if (sha256Hex(data) !== doc.sha256) return 'corrupt';
    await Asset.updateOne({ _id: doc._id }, { $set: { data } }, { timestamps: false });
  }
  await deleteObjects([key]);
  await Asset.updateOne({ _id: doc._id }, { $unset: { objectKey: 1 } }, { timestamps: false });
  return half ? 'completed' : 'moved';
}
