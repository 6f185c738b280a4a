import type { Types } from 'mongoose';

/** An image as lib/storage hands it out: never the Mongoose document itself. */
export interface StoredImage {
  id: string;
  ownerId: string;
  kind: 'input' | 'output';
  sha256: string;
  contentType: string;
  width: number;
  height: number;
  size: number;
  data: Buffer;
  createdAt: Date;
}

export interface AssetRecord {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  kind: 'input' | 'output';
  sha256: string;
  contentType: string;
  width: number;
  height: number;
  size: number;
  data?: Buffer | { buffer: ArrayBuffer | Uint8Array };
  /** Set when the bytes are in the bucket (lib/storage/object-store). */
  objectKey?: string;
  createdAt?: Date;
}

/** `.lean()` hands out BSON Binary for Buffer fields; turn it into a Node Buffer. */
export function toBuffer(data: AssetRecord['data']): Buffer {
  if (!data) return Buffer.alloc(0);
  if (Buffer.isBuffer(data)) return data;
  const b = data.buffer;
  return b instanceof Uint8Array
    ? Buffer.from(b.buffer, b.byteOffset, b.byteLength)
    : Buffer.from(b);
}

export function toStoredImage(doc: AssetRecord, data?: Buffer): StoredImage {
  return {
    id: doc._id.toString(),
    ownerId: doc.ownerId.toString(),
    kind: doc.kind,
    sha256: doc.sha256,
    contentType: doc.contentType,
    width: doc.width,
    height: doc.height,
    size: doc.size,
    data: data ?? toBuffer(doc.data),
    createdAt: doc.createdAt ?? new Date(0),
  };
}
