import { Types } from 'mongoose';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { generateApiKey } from '@/lib/apikeys';
import { SESSION_COOKIE, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { makeImage } from '@/lib/testing/tryon-fixtures';
import { ApiKey } from '@/models';
import { Membership, membershipId } from '@/models/membership';
import { Organization } from '@/models/organization';
import type { OrgRole } from '@/models/enums';
import { GET as list, POST as create } from './route';
import { DELETE as remove, GET as getOne, PATCH as patch } from './[id]/route';
import { POST as importCsv } from './import/route';

/**
 * /api/v1/products through the real route handlers: organisation context
 * (session cookie + tr_account, or the organisation's API key), roles,
 * cross-organisation ids answering 404 on every route, and the CSV import.
 */

type Product = { id: string; sku: string; name: string; active: boolean; images: unknown[] };

interface Who {
  cookie?: string;
  apiKey?: string;
}

async function member(orgId: string | null, role: OrgRole = 'admin'): Promise<Who> {
  const user = await createTestUser();
  const token = await sessionToken(user);
  if (orgId) {
    await Membership.create({
      _id: membershipId(orgId, user._id.toString()),
      orgId,
      userId: user._id,
      role,
    });
  }
  return { cookie: `${SESSION_COOKIE}=${token}${orgId ? `; tr_account=${orgId}` : ''}` };
}

async function newOrg(): Promise<{ orgId: string; admin: Who }> {
  const n = new Types.ObjectId().toString();
  const org = await Organization.create({
    name: `Shop ${n}`,
    slug: `s-${n}`,
    createdBy: new Types.ObjectId(),
  });
  const orgId = org._id.toString();
  return { orgId, admin: await member(orgId, 'owner') };
}

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

async function call<P>(
  handler: Handler<P>,
  path: string,
  who: Who,
  init: { method?: string; json?: unknown; body?: BodyInit; contentType?: string; params?: P } = {},
) {
  const headers = new Headers();
  if (who.cookie) headers.set('cookie', who.cookie);
  if (who.apiKey) headers.set('x-api-key', who.apiKey);
  // Same-origin, as the app's own pages send it.
  headers.set('origin', 'http://localhost:3000');
  let body: BodyInit | undefined = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set('content-type', 'application/json');
  } else if (init.contentType) headers.set('content-type', init.contentType);
  const req = new NextRequest(new URL(path, 'http://localhost:3000'), {
    method: init.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const res = await handler(req, { params: Promise.resolve((init.params ?? {}) as P) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

const dataUri = async (colour: string) =>
  `data:image/png;base64,${(await makeImage(colour)).toString('base64')}`;

async function createOne(who: Who, sku = 'TEE-1', extra: Record<string, unknown> = {}) {
  const res = await call(create, '/api/v1/products', who, {
    method: 'POST',
    json: {
      sku,
      name: 'Classic tee',
      category: 'top',
      images: [await dataUri('#cc3300')],
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as unknown as Product;
}

const errorCode = (body: Record<string, unknown>) =>
  (body.error as { code?: string } | undefined)?.code;

describe('/api/v1/products', () => {
  it('creates (JSON and multipart), lists, reads, updates and deletes in organisation context', async () => {
    const { admin } = await newOrg();
    const made = await createOne(admin, 'TEE-1', { category: 'one-piece', family: 'tees' });
    expect(made).toMatchObject({
      sku: 'TEE-1',
      category: 'one_piece',
      family: 'tees',
      active: true,
    });

    const form = new FormData();
    form.set('sku', 'JEANS-1');
    form.set('name', 'Jeans');
    form.set('category', 'bottom');
    form.append(
      'images',
      new Blob([new Uint8Array(await makeImage('#1133aa'))], { type: 'image/png' }),
      'a.png',
    );
    form.append(
      'images',
      new Blob([new Uint8Array(await makeImage('#ffdd00'))], { type: 'image/png' }),
      'b.png',
    );
    const multipart = new Request('http://x', { method: 'POST', body: form });
    const res = await call(create, '/api/v1/products', admin, {
      method: 'POST',
      body: await multipart.arrayBuffer(),
      contentType: multipart.headers.get('content-type') ?? '',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const jeans = res.body as unknown as Product;
    expect(jeans.images).toHaveLength(2);

    const listed = await call(list, '/api/v1/products?category=bottom', admin);
    expect(listed.status).toBe(200);
    expect((listed.body.data as Product[]).map((p) => p.sku)).toEqual(['JEANS-1']);

    const params = { id: made.id };
    expect(
      (await call(getOne, `/api/v1/products/${made.id}`, admin, { params })).body,
    ).toMatchObject({ sku: 'TEE-1' });
    const patched = await call(patch, `/api/v1/products/${made.id}`, admin, {
      method: 'PATCH',
      json: { active: false, name: 'Tee', family: null },
      params,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ active: false, name: 'Tee', family: null });

    const taken = await call(patch, `/api/v1/products/${made.id}`, admin, {
      method: 'PATCH',
      json: { sku: 'JEANS-1' },
      params,
    });
    expect(taken.status).toBe(409);
    expect(errorCode(taken.body)).toBe('sku_taken');
    await createOne(admin, 'X');
    const again = await call(create, '/api/v1/products', admin, {
      method: 'POST',
      json: { sku: 'X', name: 'n', category: 'top', images: [await dataUri('#000001')] },
    });
    expect(again.status).toBe(409);
    expect(errorCode(again.body)).toBe('sku_taken');

    const gone = await call(remove, `/api/v1/products/${made.id}`, admin, {
      method: 'DELETE',
      params,
    });
    expect(gone.body).toEqual({ id: made.id, deleted: true });
    expect((await call(getOne, `/api/v1/products/${made.id}`, admin, { params })).status).toBe(404);
  });

  it('answers 404 product_not_found for another organisation’s product on every route', async () => {
    const a = await newOrg();
    const b = await newOrg();
    const product = await createOne(a.admin);
    const params = { id: product.id };
    const path = `/api/v1/products/${product.id}`;
    const answers = [
      await call(getOne, path, b.admin, { params }),
      await call(patch, path, b.admin, { method: 'PATCH', json: { name: 'mine now' }, params }),
      await call(remove, path, b.admin, { method: 'DELETE', params }),
      await call(getOne, '/api/v1/products/not-an-id', b.admin, { params: { id: 'not-an-id' } }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(errorCode(res.body)).toBe('product_not_found');
    }
    // Nor does the list or a same-SKU CSV row touch it.
    expect(((await call(list, '/api/v1/products', b.admin)).body.data as Product[]).length).toBe(0);
    const imported = await call(importCsv, '/api/v1/products/import', b.admin, {
      method: 'POST',
      body: 'sku,name,category\nTEE-1,Theirs,top\n',
      contentType: 'text/csv',
    });
    expect(imported.body).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect((await call(getOne, path, a.admin, { params })).body).toMatchObject({
      name: 'Classic tee',
    });
  });

  it('refuses personal accounts (403 organization_required) and members’ changes (403)', async () => {
    const { orgId, admin } = await newOrg();
    const product = await createOne(admin);
    const personal = await member(null);
    for (const res of [
      await call(list, '/api/v1/products', personal),
      await call(create, '/api/v1/products', personal, { method: 'POST', json: { sku: 'A' } }),
      await call(getOne, `/api/v1/products/${product.id}`, personal, {
        params: { id: product.id },
      }),
    ]) {
      expect(res.status).toBe(403);
      expect(errorCode(res.body)).toBe('organization_required');
    }
    const plain = await member(orgId, 'member');
    expect((await call(list, '/api/v1/products', plain)).status).toBe(200);
    const refused = await call(patch, `/api/v1/products/${product.id}`, plain, {
      method: 'PATCH',
      json: { active: false },
      params: { id: product.id },
    });
    expect(refused.status).toBe(403);
    expect(errorCode(refused.body)).toBe('organization_role_forbidden');
    // A removed member is refused at once, not served from the personal account.
    await Membership.deleteMany({ orgId });
    expect((await call(list, '/api/v1/products', admin)).status).toBe(403);
  });

  it('works with the organisation’s API key', async () => {
    const { orgId } = await newOrg();
    const { key, prefix, keyHash } = generateApiKey();
    await ApiKey.create({
      userId: orgId,
      name: 'shop backend',
      prefix,
      keyHash,
      createdBy: new Types.ObjectId(),
    });
    const made = await createOne({ apiKey: key }, 'API-1');
    const listed = await call(list, '/api/v1/products', { apiKey: key });
    expect((listed.body.data as Product[]).map((p) => p.id)).toEqual([made.id]);
  });

  it('imports CSV (text/csv or multipart) with per-row errors; refuses a file over 1 MB', async () => {
    const { admin } = await newOrg();
    await createOne(admin, 'TEE-1');
    const csv =
      'sku,name,category,family\nTEE-1,Renamed tee,top,tees\n,nameless,top,\nSKIRT,Skirt,skirt,\n';
    const res = await call(importCsv, '/api/v1/products/import', admin, {
      method: 'POST',
      body: csv,
      contentType: 'text/csv',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, created: 0, updated: 1, failed: 2 });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'sku', code: 'required' }),
      expect.objectContaining({ row: 4, field: 'category', code: 'invalid', sku: 'SKIRT' }),
    ]);

    const form = new FormData();
    form.set(
      'file',
      new Blob(['sku,name,category\nTEE-1,Tee again,top\n'], { type: 'text/csv' }),
      'p.csv',
    );
    const multipart = new Request('http://x', { method: 'POST', body: form });
    const viaForm = await call(importCsv, '/api/v1/products/import', admin, {
      method: 'POST',
      body: await multipart.arrayBuffer(),
      contentType: multipart.headers.get('content-type') ?? '',
    });
    expect(viaForm.body).toMatchObject({ updated: 1, failed: 0 });

    const big = await call(importCsv, '/api/v1/products/import', admin, {
      method: 'POST',
      body: `sku,name,category\n${'A,B,top\n'.repeat(140_000)}`,
      contentType: 'text/csv',
    });
    expect(big.status).toBe(413);
    const notCsv = await call(importCsv, '/api/v1/products/import', admin, {
      method: 'POST',
      json: { rows: [] },
    });
    expect(notCsv.status).toBe(415);
  });
});
