import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { countingStream } from '@/lib/testing/counting-stream';
import { readBodyCapped } from './read-body';

function streamingRequest(
  stream: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  return new Request('http://localhost/x', {
    method: 'POST',
    body: stream,
    headers,
    duplex: 'half',
  } as RequestInit);
}

describe('readBodyCapped', () => {
  it('stops a chunked body without Content-Length one chunk past the cap, and cancels it', async () => {
    const { stream, counter } = countingStream({ chunkSize: 16 * 1024 });
    const err = await readBodyCapped(streamingRequest(stream), 100_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(counter.pulled).toBeGreaterThan(100_000);
    expect(counter.pulled).toBeLessThanOrEqual(100_000 + 16 * 1024);
    expect(counter.canceled).toBe(true);
  });

  it('refuses a declared Content-Length over the cap before reading anything', async () => {
    const { stream, counter } = countingStream({ chunkSize: 1024, total: 4096 });
    const req = streamingRequest(stream, { 'content-length': '200000000' });
    await expect(readBodyCapped(req, 1_000_000)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(counter.pulled).toBe(0);
  });

  it('does not trust a Content-Length that understates the body', async () => {
    const { stream } = countingStream({ chunkSize: 1024, total: 50_000 });
    const req = streamingRequest(stream, { 'content-length': '10' });
    await expect(readBodyCapped(req, 20_000)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('returns the exact bytes of a body within the cap (exactly at the cap too)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xff, 0x00]);
    const out = await readBodyCapped(
      new Request('http://localhost/x', { method: 'POST', body: bytes }),
      bytes.byteLength,
    );
    expect([...out]).toEqual([...bytes]);
    expect((await readBodyCapped(new Request('http://localhost/x'), 10)).byteLength).toBe(0);
  });
});
