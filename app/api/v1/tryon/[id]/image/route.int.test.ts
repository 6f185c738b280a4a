import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { drainInline } from '@/lib/jobs';
import { thumbnailCache } from '@/lib/images/thumbnail';
import { createApiKeyFor, createUser, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { POST } from '../../route';
import { GET as imageRoute } from './route';

// Thumbnails of a job's output (?w=160|320|640): resized, cached by content
// hash and width, validated by ETag, owner-checked like the full image.

const BASE = 'http://localhost/api/v1/tryon';
const none = { params: Promise.resolve({}) } as never;
const withId = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

let owner: { key: string };
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
  const userId = await createUser();
  owner = await createApiKeyFor(userId);
  const person = (await makeImage('#c8a27a')).toString('base64');
  const garment = (await makeImage('#1f6feb')).toString('base64');
  const res = await POST(
    new NextRequest(BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': owner.key },
      body: JSON.stringify({ mode: 'top', user_image: person, top_image: garment }),
    }),
    none,
  );
  expect(res.status).toBe(202);
  jobId = String(((await res.json()) as { id: string }).id);
  await drainInline();
});

describe('GET /api/v1/tryon/{id}/image?w=', () => {
  it.each([160, 320, 640])(
    'answers a %i px wide WebP, aspect kept, cached for a year',
    async (w) => {
      const full = await read(owner.key);
      const fullMeta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
      const res = await read(owner.key, `?w=${w}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      const fullEtag = full.headers.get('etag') ?? '';
      expect(res.headers.get('etag')).toBe(`${fullEtag.slice(0, -1)}-w${w}"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(Math.min(w, fullMeta.width ?? 0));
      const expectedHeight = Math.round(
        ((fullMeta.height ?? 0) * (meta.width ?? 0)) / (fullMeta.width ?? 1),
      );
      expect(Math.abs((meta.height ?? 0) - expectedHeight)).toBeLessThanOrEqual(1);
    },
  );

  it('serves the second read from the cache (same bytes) and answers 304 to its ETag', async () => {
    const first = await read(owner.key, '?w=320');
    const a = Buffer.from(await first.arrayBuffer());
    const entries = thumbnailCache.size.entries;
    const second = await read(owner.key, '?w=320');
    expect(Buffer.from(await second.arrayBuffer()).equals(a)).toBe(true);
    expect(thumbnailCache.size.entries).toBe(entries);
    const etag = first.headers.get('etag') ?? '';
    const again = await read(owner.key, '?w=320', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    // Another width's ETag does not validate this one.
    const other = await read(owner.key, '?w=160', { 'if-none-match': etag });
    expect(other.status).toBe(200);
  });

  it('refuses a width outside 160|320|640 with 400 validation_error', async () => {
    for (const q of ['?w=100', '?w=', '?w=320px']) {
      const res = await read(owner.key, q);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('validation_error');
    }
  });

  it("answers 404 for another user's job, thumbnail or not", async () => {
    const stranger = await createApiKeyFor(await createUser());
    for (const q of ['', '?w=160']) {
      const res = await read(stranger.key, q);
      expect(res.status).toBe(404);
    }
  });

  it('download=1 names the thumbnail file as an attachment', async () => {
    const res = await read(owner.key, '?w=160&download=1');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="trailroom-${jobId}-w160.webp"`,
    );
  });
});
