import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { Types } from 'mongoose';
import { User } from '@/models';
import { connectDb } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { normalizeImage } from '@/lib/images';
import { putImage, signImageUrl } from '@/lib/storage';
import { GET } from './route';

// ?w= on the asset route: the history cards' garment thumbnails. Same owner
// and signed-link rules as the full image; an ETag of its own.

async function newUser(): Promise<{ id: string; cookie: string }> {
  await connectDb();
  const u = await User.create({ email: `u${new Types.ObjectId().toString()}@example.com` });
  const token = await encode({ token: { uid: u._id.toString(), sv: 0 }, secret: authSecret() });
  return { id: u._id.toString(), cookie: `next-auth.session-token=${token}` };
}

async function storedImage(ownerId: string) {
  const raw = await sharp(randomBytes(400 * 300 * 3), {
    raw: { width: 400, height: 300, channels: 3 },
  })
    .png()
    .toBuffer();
  const image = await normalizeImage(raw);
  return putImage({ ownerId, kind: 'input', image });
}

function get(path: string, headers: Record<string, string> = {}) {
  const req = new NextRequest(new URL(path, 'http://localhost:3000'), { headers });
  const id = new URL(path, 'http://x').pathname.split('/').pop() ?? '';
  return GET(req, { params: Promise.resolve({ id }) });
}

describe('GET /api/assets/[id]?w=', () => {
  it('gives the owner a WebP of that width (aspect kept, never enlarged), cached a year, 304 on its ETag', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    const res = await get(`/api/assets/${img.id}?w=160`, { cookie: owner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('etag')).toBe(`"${img.sha256}-w160"`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([160, 120]);

    const again = await get(`/api/assets/${img.id}?w=160`, {
      cookie: owner.cookie,
      'if-none-match': `"${img.sha256}-w160"`,
    });
    expect(again.status).toBe(304);
    // The full image's ETag does not validate the thumbnail.
    const other = await get(`/api/assets/${img.id}?w=160`, {
      cookie: owner.cookie,
      'if-none-match': `"${img.sha256}"`,
    });
    expect(other.status).toBe(200);

    const wide = await get(`/api/assets/${img.id}?w=640`, { cookie: owner.cookie });
    expect((await sharp(Buffer.from(await wide.arrayBuffer())).metadata()).width).toBe(400);
  });

  it("answers 404 for another person's image and 400 for another width", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const img = await storedImage(owner.id);
    expect((await get(`/api/assets/${img.id}?w=160`, { cookie: stranger.cookie })).status).toBe(
      404,
    );
    const bad = await get(`/api/assets/${img.id}?w=100`, { cookie: owner.cookie });
    expect(bad.status).toBe(400);
  });

  it('serves a thumbnail through a signed link, with the link’s shorter caching', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    const signed = new URL(signImageUrl(img.id, 300), 'http://localhost:3000');
    const res = await get(`${signed.pathname}${signed.search}&w=320`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${img.sha256}-w320"`);
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
  });
});
