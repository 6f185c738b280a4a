import { AppError } from '@/lib/errors';

function tooLarge(maxBytes: number): AppError {
  const size =
    maxBytes >= 1024 * 1024
      ? `${Math.floor(maxBytes / 1024 / 1024)} MB`
      : maxBytes >= 1024
        ? `${Math.floor(maxBytes / 1024)} KB`
        : `${maxBytes} bytes`;
  return new AppError('payload_too_large', `The request body exceeds ${size}`, {
    details: { max_bytes: maxBytes },
  });
}

/**
 * Reads a request body chunk by chunk and stops — cancelling the stream — as
 * soon as it passes `maxBytes` (413 `payload_too_large`). Content-Length is
 * only a shortcut: it may be absent (chunked) or lie, so the count of bytes
 * actually pulled decides. At most `maxBytes` plus one chunk is ever held.
 * The bytes come back untouched (a signature may cover them).
 */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}
