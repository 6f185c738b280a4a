import { createHash } from 'node:crypto';
import type { TryonMode } from '@/models/tryon-job';

/** A studio reference (`asset:<id>`, `sample:<id>`): an image the server already has. */
export interface ImageRef {
  ref: 'asset' | 'sample';
  id: string;
}

/** An image as it arrived: bytes (multipart), a string (base64, data: URI, https URL) or a reference. */
export type ImageSource = Buffer | string | ImageRef;

export interface TryonSubmission {
  mode: TryonMode;
  images: { user: ImageSource; top: ImageSource; bottom?: ImageSource };
  /** Results to generate, 1–4 (default 1): the cost is the mode's × samples. */
  samples?: number;
  /** Sample n uses seed + n − 1; drawn at random when absent. */
  seed?: number;
  /** The catalog product named instead of a garment photo (recorded on the job). */
  product?: { id: string; sku: string };
  /** sha256 of mode + inputs: a reused Idempotency-Key must come with the same request. */
  requestHash: string;
  idempotencyKey?: string;
}

/**
 * The request's fingerprint (sha256 of mode + inputs): a reused Idempotency-Key must come
 * with the same request. The content counts, never the transport.
 */
export function hashTryonRequest(
  mode: TryonMode,
  images: TryonSubmission['images'],
  options: { samples?: number; seed?: number } = {},
): string {
  const h = createHash('sha256').update(`mode:${mode}\n`);
  // Only when not the default, so a one-sample request keeps the fingerprint it always had.
  if (options.samples !== undefined && options.samples !== 1)
    h.update(`samples:${options.samples}\n`);
  if (options.seed !== undefined) h.update(`seed:${options.seed}\n`);
  for (const [name, value] of Object.entries(images)) {
    if (value === undefined) continue;
    h.update(`${name}:`);
    // The content, never the transport: the same bytes as a file or as base64 are one request.
    h.update(
      typeof value === 'object' && !Buffer.isBuffer(value)
        ? `ref:${value.ref}:${value.id}`
        : typeof value === 'string'
          ? createHash('sha256')
              .update(value.replace(/^data:[^,]*,/, ''))
              .digest('hex')
          : createHash('sha256').update(value).digest('hex'),
    );
    h.update('\n');
  }
  return h.digest('hex');
}
