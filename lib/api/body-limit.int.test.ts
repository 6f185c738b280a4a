import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { resetRateLimits } from '@/lib/rate-limit';
import { countingStream } from '@/lib/testing/counting-stream';
import { createTestUser, SESSION_COOKIE, sessionToken } from '@/lib/testing/session-request';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { POST as createApiKey } from '@/app/api/v1/api-keys/route';
import { POST as createTryon } from '@/app/api/v1/tryon/route';
import { MAX_MULTIPART_BYTES } from './read-tryon-submission';

afterEach(() => resetRateLimits());

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, never>> },
) => Promise<Response>;

/**
 * A chunked upload (no Content-Length) of a body four times the cap to a real
 * route handler. (Finite, so that a reader without a cap ends and fails the
 * byte-count assertion rather than spinning forever.)
 */
async function sendChunked(
  handler: Handler,
  path: string,
  opts: { chunkSize: number; cap: number; headers?: Record<string, string> },
) {
  const { stream, counter } = countingStream({ chunkSize: opts.chunkSize, total: opts.cap * 4 });
  const req = new NextRequest(new URL(path, 'http://localhost:3000'), {
    method: 'POST',
    headers: opts.headers,
    body: stream,
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await handler(req, { params: Promise.resolve({}) });
  return { res, body: (await res.json()) as unknown, counter };
}

describe('request bodies are read through a streaming cap', () => {
  it('POST /api/webhooks/stripe stops a chunked body past 256 KB with 413', async () => {
    const chunkSize = 16 * 1024;
    const { res, body, counter } = await sendChunked(stripeWebhook, '/api/webhooks/stripe', {
      chunkSize,
      cap: 256 * 1024,
      headers: { 'stripe-signature': 't=1,v1=00', 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(body).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024 + chunkSize);
    expect(counter.canceled).toBe(true);
  });

  it('a JSON route (POST /api/v1/api-keys) stops a chunked body past 1 MB with 413', async () => {
    const token = await sessionToken(await createTestUser());
    const chunkSize = 64 * 1024;
    const { res, body, counter } = await sendChunked(createApiKey, '/api/v1/api-keys', {
      chunkSize,
      cap: 1024 * 1024,
      headers: { cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(body).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024 + chunkSize);
  });

  it('a multipart try-on stops past its cap with 413', async () => {
    const token = await sessionToken(await createTestUser());
    const chunkSize = 1024 * 1024;
    const { res, counter } = await sendChunked(createTryon, '/api/v1/tryon', {
      chunkSize,
      cap: MAX_MULTIPART_BYTES,
      headers: {
        cookie: `${SESSION_COOKIE}=${token}`,
        'content-type': 'multipart/form-data; boundary=x',
      },
    });
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_MULTIPART_BYTES + chunkSize);
  });

  it('a JSON route refuses text/plain with 415 without reading the body', async () => {
    const token = await sessionToken(await createTestUser());
    const { res, body, counter } = await sendChunked(createApiKey, '/api/v1/api-keys', {
      chunkSize: 1024,
      cap: 1024,
      headers: { cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(body).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect(counter.pulled).toBe(0);
  });
});
