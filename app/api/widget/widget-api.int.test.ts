import { Types } from 'mongoose';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createPublishableKey } from '@/lib/apikeys';
import { createProduct } from '@/lib/products';
import { createTestUser } from '@/lib/testing/session-request';
import { givePaidCredits, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { signVisitorToken } from '@/lib/widget';
import { ApiKey } from '@/models/api-key';
import { Organization } from '@/models/organization';
import { GET as credits } from '../v1/credits/route';
import { GET as framePolicy } from './frame-policy/route';
import { POST as createTryon } from './tryon/route';
import { GET as getTryon } from './tryon/[id]/route';
import { GET as getImage } from './tryon/[id]/image/route';

/**
 * The widget routes and the key-kind rules through the real handlers:
 * a forged or crossed visitor token, another key's job (404), a publishable
 * key on /api/v1 and a secret key from a shop's page (403).
 */

const SHOP = 'https://shop.example';
const APP = 'http://localhost:3000';
let photo: Buffer;

beforeAll(async () => {
  await seedPrompts();
  photo = await makeImage('#c8a27a', { format: 'jpeg' });
});

async function shop() {
  const owner = await createTestUser();
  const n = new Types.ObjectId().toString();
  const org = await Organization.create({
    name: `Shop ${n}`,
    slug: `r-${n}`,
    createdBy: owner._id,
  });
  const orgId = org._id.toString();
  await givePaidCredits(orgId, 10);
  const actor = {
    userId: owner._id.toString(),
    account: { type: 'organization' as const, orgId, role: 'owner' as const },
  };
  const pk = await createPublishableKey(actor, 'storefront', [SHOP]);
  await createProduct(orgId, {
    sku: 'TEE',
    name: 'Tee',
    category: 'top',
    images: [await makeImage('#1f6feb')],
  });
  return { orgId, pk, owner: owner._id.toString() };
}

async function call<P>(
  handler: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit; params?: P } = {},
) {
  const req = new NextRequest(new URL(path, APP), {
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const res = await handler(req, { params: Promise.resolve((init.params ?? {}) as P) });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await res.json()) as Record<string, unknown>) : null;
  return { status: res.status, body, code: (body?.error as { code?: string } | undefined)?.code };
}

function tryonForm(token: string, sku = 'TEE') {
  const form = new FormData();
  form.set('token', token);
  form.set('sku', sku);
  form.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'me.jpg');
  return form;
}

async function postTryon(token: string) {
  const form = tryonForm(token);
  const encoded = new Response(form);
  return call(createTryon, '/api/widget/tryon', {
    method: 'POST',
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
    body: await encoded.arrayBuffer(),
  });
}

describe('/api/widget routes', () => {
  it('create and read a try-on with the visitor token; other keys, visitors and forged tokens get nothing', async () => {
    const a = await shop();
    const b = await shop();
    const vid = 'visitor_route_test';
    const token = signVisitorToken({ keyId: a.pk.id, orgId: a.orgId, vid, origin: SHOP }).token;
    const created = await postTryon(token);
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    expect(created.body).toMatchObject({ status: 'queued', image_path: null });
    const id = created.body?.id as string;
    const own = await call(getTryon, `/api/widget/tryon/${id}`, {
      headers: { 'x-widget-token': token },
      params: { id },
    });
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('inputs');

    const otherKey = signVisitorToken({ keyId: b.pk.id, orgId: b.orgId, vid, origin: SHOP }).token;
    for (const t of [otherKey]) {
      expect(
        (
          await call(getTryon, `/api/widget/tryon/${id}`, {
            headers: { 'x-widget-token': t },
            params: { id },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(getImage, `/api/widget/tryon/${id}/image?token=${encodeURIComponent(t)}`, {
            params: { id },
          })
        ).status,
      ).toBe(404);
    }
    // Tampering: claims changed under the old signature, a made-up token, none at all.
    const [payload, sig] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, orgId: b.orgId, keyId: b.pk.id })).toString('base64url')}.${sig}`;
    for (const [headers, code] of [
      [{ 'x-widget-token': forged }, 'widget_token_invalid'],
      [{ 'x-widget-token': 'abc.def' }, 'widget_token_invalid'],
      [{}, 'widget_token_invalid'],
    ] as const) {
      const r = await call(getTryon, `/api/widget/tryon/${id}`, { headers, params: { id } });
      expect([r.status, r.code]).toEqual([401, code]);
    }
    expect((await postTryon(forged)).code).toBe('widget_token_invalid');
    // Not yet done: the image is not there.
    const early = await call(
      getImage,
      `/api/widget/tryon/${id}/image?token=${encodeURIComponent(token)}`,
      {
        params: { id },
      },
    );
    expect(early.status).toBe(409);
  });

  it('answers the frame policy of a key: its origins, or none', async () => {
    const a = await shop();
    const ok = await call(framePolicy, `/api/widget/frame-policy?key=${a.pk.key}`);
    expect(ok.body).toEqual({ origins: [SHOP] });
    const bad = await call(framePolicy, '/api/widget/frame-policy?key=pk_live_nope');
    expect(bad.body).toEqual({ origins: [] });
  });
});

describe('key kinds on /api/v1', () => {
  it('refuses a publishable key (403 publishable_key_not_allowed)', async () => {
    const a = await shop();
    const r = await call(credits, '/api/v1/credits', { headers: { 'x-api-key': a.pk.key } });
    expect([r.status, r.code]).toEqual([403, 'publishable_key_not_allowed']);
  });

  it('refuses a secret key sent from a shop page (403 secret_key_in_browser), unless allowBrowser', async () => {
    const user = await createTestUser();
    const { key, id } = await createApiKey(user._id.toString(), 'server');
    const fromServer = await call(credits, '/api/v1/credits', { headers: { 'x-api-key': key } });
    expect(fromServer.status).toBe(200);
    const sameOrigin = await call(credits, '/api/v1/credits', {
      headers: { 'x-api-key': key, origin: APP, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
    const foreign: Array<Record<string, string>> = [
      { origin: SHOP },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const r = await call(credits, '/api/v1/credits', {
        headers: { 'x-api-key': key, ...headers },
      });
      expect([r.status, r.code], JSON.stringify(headers)).toEqual([403, 'secret_key_in_browser']);
    }
    // Each answer records the key's use without waiting for it, and FerretDB's updates are
    // not atomic: let those writes land first, so none can write the old document back over
    // the setting changed here.
    const lastUsed = async () => (await ApiKey.findById(id).lean())?.lastUsedAt?.getTime();
    for (let seen = await lastUsed(), i = 0; i < 50; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      const now = await lastUsed();
      if (now === seen) break;
      seen = now;
    }
    await ApiKey.updateOne({ _id: id }, { $set: { allowBrowser: true } });
    expect((await ApiKey.findById(id).lean())?.allowBrowser).toBe(true);
    const allowed = await call(credits, '/api/v1/credits', {
      headers: { 'x-api-key': key, origin: SHOP },
    });
    expect(allowed.status).toBe(200);
  });
});
