import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { drainInline } from '@/lib/jobs';
import { createApiKeyFor, createUser, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { POST } from '../../route';
import { GET as imageRoute } from './route';

// ?format=jpeg: the wardrobe's "Download JPEG" — the stored WebP converted on
// request, owner-checked like the WebP, validated by its own ETag.

const BASE = 'http://localhost/api/v1/tryon';
const none = { params: Promise.resolve({}) } as never;
const withId = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

let ownerKey = '';
let jobId = '';

function read(key: string, query = '', headers: Record<string, string> = {}) {
  return imageRoute(
    new NextRequest(`${BASE}/${jobId}/image${query}`, {
      headers: { 'x-api-key': key, ...headers },
    }),
    withId(jobId),
  );
}

beforeAll(async () => {
  await seedPrompts();
  ownerKey = (await createApiKeyFor(await createUser())).key;
  const person = (await makeImage('#c8a27a')).toString('base64');
  const garment = (await makeImage('#0f766e')).toString('base64');
  const res = await POST(
    new NextRequest(BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ownerKey },
      body: JSON.stringify({ mode: 'top', user_image: person, top_image: garment }),
    }),
    none,
  );
  expect(res.status).toBe(202);
  jobId = String(((await res.json()) as { id: string }).id);
  await drainInline();
});

describe('GET /api/v1/tryon/{id}/image?format=jpeg', () => {
  it('answers the full image as a JPEG attachment of the same size', async () => {
    const webp = await read(ownerKey);
    const webpMeta = await sharp(Buffer.from(await webp.arrayBuffer())).metadata();
    const res = await read(ownerKey, '?format=jpeg&download=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="trailroom-${jobId}.jpg"`,
    );
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([webpMeta.width, webpMeta.height]);
    // format=webp is the stored image itself.
    const explicit = await read(ownerKey, '?format=webp');
    expect(explicit.headers.get('etag')).toBe(webp.headers.get('etag'));
  });

  it('has its own ETag, answered 304, that the WebP does not share', async () => {
    const res = await read(ownerKey, '?format=jpeg');
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}-jpeg"$/);
    expect((await read(ownerKey, '?format=jpeg', { 'if-none-match': etag })).status).toBe(304);
    expect((await read(ownerKey, '', { 'if-none-match': etag })).status).toBe(200);
  });

  it("answers 404 for another user's job and 400 for an unknown format", async () => {
    const stranger = (await createApiKeyFor(await createUser())).key;
    expect((await read(stranger, '?format=jpeg')).status).toBe(404);
    const bad = await read(ownerKey, '?format=png');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_error');
  });
});
