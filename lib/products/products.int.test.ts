import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredImages, deleteImagesIfUnused } from '@/lib/storage';
import { makeImage } from '@/lib/testing/tryon-fixtures';
import { Asset, Product, ProductSku } from '@/models';
import { Organization } from '@/models/organization';
import {
  createProduct,
  deleteProduct,
  findProductBySku,
  importProductsCsv,
  listProducts,
  listProductsQuery,
  resolveTryonProduct,
  updateProduct,
} from '.';

/**
 * lib/products against the real database: SKU uniqueness under concurrency,
 * the CSV import (bad rows, duplicates, re-import), cross-organisation reads,
 * inactive products refused for try-ons, images kept while a product uses them.
 */

let server: http.Server;
let base = '';
const images = new Map<string, Buffer>();
let fetches = 0;
const fetchOpts = { allowLoopback: true, timeoutMs: 10_000 };

beforeAll(async () => {
  images.set('/red.png', await makeImage('#cc0000'));
  images.set('/blue.png', await makeImage('#0000cc'));
  images.set('/green.png', await makeImage('#00aa00'));
  images.set('/tiny.png', await makeImage('#123456', { width: 40, height: 40 }));
  server = http.createServer((req, res) => {
    fetches += 1;
    const body = images.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

async function newOrg(): Promise<string> {
  const n = new Types.ObjectId().toString();
  const org = await Organization.create({
    name: `Shop ${n}`,
    slug: `shop-${n}`,
    createdBy: new Types.ObjectId(),
  });
  return org._id.toString();
}

const png = () => makeImage('#ff8800');

describe('products', () => {
  it('creates, reads by SKU, updates, lists and deletes a product', async () => {
    const orgId = await newOrg();
    const doc = await createProduct(orgId, {
      sku: 'TEE-1',
      name: 'Classic tee',
      category: 'top',
      images: [await png()],
      family: 'classic-tee',
    });
    expect(doc.active).toBe(true);
    expect((await findProductBySku(orgId, 'TEE-1'))?._id.toString()).toBe(doc._id.toString());

    const renamed = await updateProduct(orgId, doc._id.toString(), { sku: 'TEE-2', family: null });
    expect(renamed.sku).toBe('TEE-2');
    expect(renamed.family).toBeUndefined();
    expect(await findProductBySku(orgId, 'TEE-1')).toBeNull();
    expect(await ProductSku.findById(`${orgId}:TEE-1`).lean()).toBeNull();
    // The old SKU is free again.
    await createProduct(orgId, {
      sku: 'TEE-1',
      name: 'Tee',
      category: 'top',
      images: [await png()],
    });

    const page = await listProducts(orgId, listProductsQuery.parse({ q: 'tee-2' }));
    expect(page.data.map((p) => p.sku)).toEqual(['TEE-2']);
    expect(page.data[0]?.images[0]?.url).toMatch(/^\/api\/assets\/[0-9a-f]{24}\?exp=\d+&sig=/);

    await deleteProduct(orgId, doc._id.toString());
    expect(await Product.findById(doc._id).lean()).toBeNull();
    expect(await findProductBySku(orgId, 'TEE-2')).toBeNull();
  });

  it('pages the list by keyset cursor, newest first, with filters', async () => {
    const orgId = await newOrg();
    for (let i = 0; i < 5; i++) {
      await createProduct(orgId, {
        sku: `P-${i}`,
        name: `Product ${i}`,
        category: i % 2 ? 'bottom' : 'top',
        images: [await png()],
        active: i !== 4,
      });
    }
    const first = await listProducts(orgId, listProductsQuery.parse({ limit: '2' }));
    expect(first.data.map((p) => p.sku)).toEqual(['P-4', 'P-3']);
    expect(first.has_more).toBe(true);
    const second = await listProducts(
      orgId,
      listProductsQuery.parse({ limit: '2', starting_after: first.next_cursor ?? '' }),
    );
    expect(second.data.map((p) => p.sku)).toEqual(['P-2', 'P-1']);
    const active = await listProducts(orgId, listProductsQuery.parse({ active: 'false' }));
    expect(active.data.map((p) => p.sku)).toEqual(['P-4']);
    const bottoms = await listProducts(orgId, listProductsQuery.parse({ category: 'bottom' }));
    expect(bottoms.data.map((p) => p.sku)).toEqual(['P-3', 'P-1']);
    // Another organisation sees none of them.
    expect((await listProducts(await newOrg(), listProductsQuery.parse({}))).data).toEqual([]);
  });

  it('gives a SKU to exactly one of many concurrent creates', async () => {
    const orgId = await newOrg();
    const image = await png();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        createProduct(orgId, { sku: 'RACE', name: `Racer ${i}`, category: 'top', images: [image] }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) expect((r.reason as { code?: string }).code).toBe('sku_taken');
    expect(await Product.countDocuments({ orgId: new Types.ObjectId(orgId) })).toBe(1);
    // The same SKU in another organisation is its own.
    await createProduct(await newOrg(), {
      sku: 'RACE',
      name: 'x',
      category: 'top',
      images: [image],
    });
  });

  it('takes over a SKU claim left behind by a create that died', async () => {
    const orgId = await newOrg();
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await ProductSku.collection.insertOne({
      _id: `${orgId}:GHOST` as never,
      productId: new Types.ObjectId(),
      createdAt: old,
      updatedAt: old,
    });
    const doc = await createProduct(orgId, {
      sku: 'GHOST',
      name: 'Ghost',
      category: 'top',
      images: [await png()],
    });
    expect((await findProductBySku(orgId, 'GHOST'))?._id.toString()).toBe(doc._id.toString());
  });

  it('resolves a try-on product: 404 for another organisation or unknown, 422 when inactive', async () => {
    const orgId = await newOrg();
    const other = await newOrg();
    const doc = await createProduct(orgId, {
      sku: 'DRESS-1',
      name: 'Dress',
      category: 'one_piece',
      images: [await png(), await makeImage('#00ffff')],
      active: false,
    });
    const id = doc._id.toString();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    expect(
      await code(resolveTryonProduct({ orgId: other, productId: id, requireActive: false })),
    ).toBe('product_not_found');
    expect(
      await code(resolveTryonProduct({ orgId: other, sku: 'DRESS-1', requireActive: false })),
    ).toBe('product_not_found');
    expect(await code(resolveTryonProduct({ orgId, sku: 'NOPE', requireActive: true }))).toBe(
      'product_not_found',
    );
    expect(await code(resolveTryonProduct({ orgId, productId: 'zzz', requireActive: true }))).toBe(
      'product_not_found',
    );
    expect(await code(resolveTryonProduct({ orgId, sku: 'DRESS-1', requireActive: true }))).toBe(
      'product_inactive',
    );
    const resolved = await resolveTryonProduct({ orgId, sku: 'DRESS-1', requireActive: false });
    expect(resolved).toMatchObject({
      id,
      sku: 'DRESS-1',
      category: 'one_piece',
      imageId: doc.images[0]?.toString(),
    });
  });

  it('keeps a product’s images through retention and job clean-up, and lets them go with the product', async () => {
    const orgId = await newOrg();
    const doc = await createProduct(orgId, {
      sku: 'KEEP',
      name: 'Keep',
      category: 'top',
      images: [await makeImage('#abcdef')],
    });
    const imageId = doc.images[0]!.toString();
    // An image "used" long ago: retention would delete it if nothing referenced it.
    await Asset.updateOne(
      { _id: imageId },
      { $set: { createdAt: new Date(0), updatedAt: new Date(0) } },
      { timestamps: false },
    );
    await deleteExpiredImages(new Date());
    expect(await Asset.exists({ _id: imageId })).toBeTruthy();
    expect((await deleteImagesIfUnused([imageId], orgId)).kept).toEqual([imageId]);
    await deleteProduct(orgId, doc._id.toString());
    expect(await Asset.exists({ _id: imageId })).toBeNull();
  });
});

describe('importProductsCsv', () => {
  it('applies the valid rows and reports each bad one with row, field and code', async () => {
    const orgId = await newOrg();
    await createProduct(orgId, { sku: 'TAKEN', name: 'x', category: 'top', images: [await png()] });
    const csv = [
      'sku,name,category,image_url,product_url,family,active',
      `TEE-1,Classic tee,top,${base}/red.png,https://shop.example/tee,classic,true`, // 2 ok
      `,No sku,top,${base}/red.png,,,`, // 3 missing sku
      `JEANS-1,Jeans,trousers,${base}/blue.png,,,`, // 4 wrong category
      `TEE-1,Again,top,${base}/red.png,,,`, // 5 duplicate in the file
      `BAD-URL,Bad url,top,ftp://example.com/x.png,,,`, // 6 bad image URL
      `BAD-PAGE,Bad page,top,${base}/red.png,http://shop.example/p,,`, // 7 product_url not https
      `DRESS-1,"Dress, long",one-piece,${base}/green.png|${base}/blue.png,,dresses,no`, // 8 ok
      `MISSING,Missing image,top,${base}/nope.png,,,`, // 9 image 404
      `SMALL,Small,top,${base}/tiny.png,,,`, // 10 image too small
      `NOIMG,No image,bottom,,,,`, // 11 new product without an image
      `ACT,Active?,top,${base}/red.png,,,maybe`, // 12 bad active
    ].join('\n');
    const result = await importProductsCsv(orgId, csv, { fetch: fetchOpts });
    expect(result).toMatchObject({ rows: 11, created: 2, updated: 0, unchanged: 0, failed: 9 });
    const byRow = Object.fromEntries(result.errors.map((e) => [e.row, e]));
    expect(byRow[3]).toMatchObject({ field: 'sku', code: 'required', sku: null });
    expect(byRow[4]).toMatchObject({ field: 'category', code: 'invalid', sku: 'JEANS-1' });
    expect(byRow[5]).toMatchObject({ field: 'sku', code: 'duplicate', sku: 'TEE-1' });
    expect(byRow[5]?.message).toContain('row 2');
    expect(byRow[6]).toMatchObject({ field: 'image_url', code: 'invalid_url' });
    expect(byRow[7]).toMatchObject({ field: 'product_url', code: 'invalid' });
    expect(byRow[9]).toMatchObject({ field: 'image_url', code: 'image_fetch_failed' });
    expect(byRow[10]).toMatchObject({ field: 'image_url', code: 'image_too_small' });
    expect(byRow[11]).toMatchObject({ field: 'image_url', code: 'required' });
    expect(byRow[12]).toMatchObject({ field: 'active', code: 'invalid' });

    const dress = await findProductBySku(orgId, 'DRESS-1');
    expect(dress).toMatchObject({ name: 'Dress, long', category: 'one_piece', active: false });
    expect(dress?.images).toHaveLength(2);
    expect(dress?.family).toBe('dresses');
    expect(await findProductBySku(orgId, 'JEANS-1')).toBeNull();
  });

  it('is idempotent: a re-import updates by SKU and fetches unchanged images never again', async () => {
    const orgId = await newOrg();
    const header = 'sku,name,category,image_url,family';
    const csv = `${header}\nA,Alpha,top,${base}/red.png,f\nB,Beta,bottom,${base}/blue.png,f\n`;
    expect(await importProductsCsv(orgId, csv, { fetch: fetchOpts })).toMatchObject({
      created: 2,
      failed: 0,
    });
    const before = fetches;
    expect(await importProductsCsv(orgId, csv, { fetch: fetchOpts })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
      failed: 0,
    });
    expect(fetches).toBe(before);
    const changed = `${header}\nA,Alpha 2,top,${base}/red.png,f\nB,Beta,bottom,${base}/green.png,\n`;
    expect(await importProductsCsv(orgId, changed, { fetch: fetchOpts })).toMatchObject({
      updated: 2,
      failed: 0,
    });
    expect(fetches).toBe(before + 1);
    expect((await findProductBySku(orgId, 'A'))?.name).toBe('Alpha 2');
    expect((await findProductBySku(orgId, 'B'))?.family).toBeUndefined();
    expect(await Product.countDocuments({ orgId: new Types.ObjectId(orgId) })).toBe(2);
  });

  it('refuses a file that is too large, has too many rows, or lacks a required column', async () => {
    const orgId = await newOrg();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    const big = `sku,name,category\n${'X,'.repeat(600_000)}`;
    expect(await code(importProductsCsv(orgId, big))).toBe('payload_too_large');
    const many = `sku,name,category\n${Array.from({ length: 1001 }, (_, i) => `S${i},N,top`).join('\n')}`;
    expect(await code(importProductsCsv(orgId, many))).toBe('csv_invalid');
    expect(await code(importProductsCsv(orgId, 'sku,title,category\nA,B,top'))).toBe('csv_invalid');
    expect(await code(importProductsCsv(orgId, ''))).toBe('csv_invalid');
    expect(await code(importProductsCsv(orgId, 'sku,name,category\n"A,B,top'))).toBe('csv_invalid');
    expect(await Product.countDocuments({ orgId: new Types.ObjectId(orgId) })).toBe(0);
  });
});
