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

async function newUser(): Promise<{ id: string; cookie: string }> {
  await connectDb();
  const u = await User.create({ email: `u${new Types.ObjectId().toString()}@example.com` });
  const token = await encode({ token: { uid: u._id.toString(), sv: 0 }, secret: authSecret() });
  return { id: u._id.toString(), cookie: `next-auth.session-token=${token}` };
}

async function storedImage(ownerId: string) {
  const raw = await sharp(randomBytes(300 * 300 * 3), {
    raw: { width: 300, height: 300, channels: 3 },
  })
    .png()
    .toBuffer();
  const image = await normalizeImage(raw);
  return { ...(await putImage({ ownerId, kind: 'output', image })), data: image.data };
}

function get(path: string, headers: Record<string, string> = {}) {
  const req = new NextRequest(new URL(path, 'http://localhost:3000'), { headers });
  const id = decodeURIComponent(new URL(path, 'http://x').pathname.split('/').pop() ?? '');
  return GET(req, { params: Promise.resolve({ id }) });
}

describe('GET /api/assets/[id]', () => {
  it('serves the image to its owner with type, strong ETag and private immutable caching', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    const res = await get(`/api/assets/${img.id}`, { cookie: owner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('etag')).toBe(`"${img.sha256}"`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(img.data)).toBe(true);
  });

  it('answers 304 to a matching If-None-Match (also in a list, also weak), 200 otherwise', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    for (const inm of [`"${img.sha256}"`, `"other", W/"${img.sha256}"`, '*']) {
      const res = await get(`/api/assets/${img.id}`, {
        cookie: owner.cookie,
        'if-none-match': inm,
      });
      expect(res.status, inm).toBe(304);
      expect(res.headers.get('etag')).toBe(`"${img.sha256}"`);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
    const miss = await get(`/api/assets/${img.id}`, {
      cookie: owner.cookie,
      'if-none-match': '"stale"',
    });
    expect(miss.status).toBe(200);
    expect(Buffer.from(await miss.arrayBuffer()).equals(img.data)).toBe(true);
  });

  it('gives another user a 404 (never a 403 that would confirm the id), even with a matching ETag', async () => {
    const owner = await newUser();
    const other = await newUser();
    const img = await storedImage(owner.id);
    const res = await get(`/api/assets/${img.id}`, { cookie: other.cookie });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Image not found' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const probe = await get(`/api/assets/${img.id}`, {
      cookie: other.cookie,
      'if-none-match': `"${img.sha256}"`,
    });
    expect(probe.status).toBe(404);
  });

  it('asks an anonymous caller without a signature to sign in', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    const res = await get(`/api/assets/${img.id}`);
    expect(res.status).toBe(401);
  });

  it('serves a valid signed link to anyone, cached privately only until it expires', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    const res = await get(signImageUrl(img.id, 120));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${img.sha256}"`);
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '')?.[1]);
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(maxAge).toBeGreaterThan(100);
    expect(maxAge).toBeLessThanOrEqual(120);
    expect(Buffer.from(await res.arrayBuffer()).equals(img.data)).toBe(true);
  });

  it('refuses a bad or expired signature with 403, and a deleted image with 404', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    const good = new URL(signImageUrl(img.id, 120), 'http://x');
    const sig = good.searchParams.get('sig') ?? '';
    const exp = good.searchParams.get('exp') ?? '';

    const tampered = await get(`/api/assets/${img.id}?exp=${Number(exp) + 60}&sig=${sig}`);
    expect(tampered.status).toBe(403);
    expect((await tampered.json()).error.code).toBe('forbidden');

    const otherImage = await storedImage(owner.id);
    expect((await get(`/api/assets/${otherImage.id}?exp=${exp}&sig=${sig}`)).status).toBe(403);
    expect((await get(`/api/assets/${img.id}?exp=${exp}`)).status).toBe(403);

    const expired = await get(signImageUrl(img.id, 60, Date.now() - 3_600_000));
    expect(expired.status).toBe(403);
    expect((await expired.json()).error.message).toMatch(/expired/);

    const ghost = new Types.ObjectId().toString();
    expect((await get(signImageUrl(ghost, 60))).status).toBe(404);
  });

  it('lets a signed-in owner through a stale link, but not someone else', async () => {
    const owner = await newUser();
    const other = await newUser();
    const img = await storedImage(owner.id);
    const stale = signImageUrl(img.id, 60, Date.now() - 3_600_000);
    const res = await get(stale, { cookie: owner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect((await get(stale, { cookie: other.cookie })).status).toBe(404);
  });

  it('answers a conditional signed request with 304', async () => {
    const owner = await newUser();
    const img = await storedImage(owner.id);
    const res = await get(signImageUrl(img.id, 120), { 'if-none-match': `"${img.sha256}"` });
    expect(res.status).toBe(304);
  });

  it('treats a malformed id as not found', async () => {
    const owner = await newUser();
    expect((await get('/api/assets/not-an-object-id', { cookie: owner.cookie })).status).toBe(404);
  });
});
