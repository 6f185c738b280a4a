import { createHash } from 'node:crypto';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { env, s3Settings, type S3Settings } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * The S3-API side of image storage (AWS S3, Cloudflare R2, GCS interop,
 * MinIO, versitygw). Keys are owner-scoped and content-addressed:
 * `images/<ownerId>/<sha256>/<assetId>`. The asset id in the key makes each
 * asset document own exactly one object, so deleting an asset can never
 * remove the bytes of a newer asset re-created with the same content (a
 * delete racing a re-upload); the owner prefix lets account deletion sweep
 * everything of one person with one listing.
 *
 * Uploads are one PutObject: stored images are normalised WebP of at most
 * 10 MB, far below S3's 5 GB single-request limit, and multipart would add
 * three round trips per image for nothing. The sha256 travels as
 * x-amz-checksum-sha256, so the store itself refuses bytes that do not match.
 */
export const OBJECT_KEY_PREFIX = 'images';

export type StorageDriver = 'mongodb' | 's3';

/** Where new images go (STORAGE_DRIVER). */
export function storageDriver(): StorageDriver {
  return env.STORAGE_DRIVER;
}

export function objectKeyFor(ownerId: string, sha256: string, assetId: string): string {
  return `${OBJECT_KEY_PREFIX}/${ownerId}/${sha256}/${assetId}`;
}

export function ownerPrefix(ownerId: string): string {
  return `${OBJECT_KEY_PREFIX}/${ownerId}/`;
}

let cached: { client: S3Client; bucket: string } | null = null;

function clientFor(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle,
    // Only the checksums an operation needs (we send sha256 ourselves);
    // several S3-compatible stores reject the SDK's default CRC32 trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}

/** True when a bucket is configured (S3_BUCKET), whatever the driver for new images. */
export function objectStoreConfigured(): boolean {
  return s3Settings() !== null;
}

function store(): { client: S3Client; bucket: string } {
  if (cached) return cached;
  const settings = s3Settings();
  if (!settings)
    throw new AppError('internal_error', 'An image is in object storage but S3_BUCKET is not set');
  cached = { client: clientFor(settings), bucket: settings.bucket };
  return cached;
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404)
  );
}

export async function putObject(
  key: string,
  data: Buffer,
  meta: { sha256: string; contentType: string },
): Promise<void> {
  const { client, bucket } = store();
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: data,
      ContentType: meta.contentType,
      ContentLength: data.byteLength,
      ChecksumSHA256: Buffer.from(meta.sha256, 'hex').toString('base64'),
    }),
  );
}

/** The object's bytes, or null when it does not exist. */
export async function getObject(key: string): Promise<Buffer | null> {
  const { client, bucket } = store();
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!res.Body) return Buffer.alloc(0);
    return Buffer.from(await res.Body.transformToByteArray());
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export async function objectExists(key: string): Promise<boolean> {
  const { client, bucket } = store();
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** Deletes the keys (absent ones are fine), 1000 per request. */
export async function deleteObjects(keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const { client, bucket } = store();
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const res = await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    const failed = (res.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
    if (failed.length > 0)
      throw new AppError(
        'internal_error',
        `Object storage refused to delete ${failed.length} image(s): ${failed[0]?.Code ?? 'unknown'}`,
      );
  }
}

export interface ListedObject {
  key: string;
  lastModified: Date | undefined;
}

/** Every object under the prefix, one listing page (up to 1,000 keys) at a time. */
export async function* listObjectPages(prefix: string): AsyncGenerator<ListedObject[]> {
  const { client, bucket } = store();
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    yield (page.Contents ?? []).flatMap((o) =>
      o.Key ? [{ key: o.Key, lastModified: o.LastModified }] : [],
    );
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Deletes every object under the prefix; returns how many were listed. */
export async function deletePrefix(prefix: string): Promise<number> {
  const { client, bucket } = store();
  let token: string | undefined;
  let count = 0;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
    count += keys.length;
    await deleteObjects(keys);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return count;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
