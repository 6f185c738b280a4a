import { Types } from 'mongoose';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '@/lib/products';
import { POST } from '../tryon/route';
import { generateApiKey } from '@/lib/apikeys';
import { getBalance } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import { SESSION_COOKIE, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { givePaidCredits, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { ApiKey } from '@/models';
import { Membership, membershipId } from '@/models/membership';
import { Organization } from '@/models/organization';
import { TryonJob } from '@/models/tryon-job';

/**
 * POST /api/v1/tryon naming a catalog product (`product_id` or `sku`)
 * instead of sending the garment: the product's image is used, the job
 * records product and SKU, the organisation pays; another organisation's
 * product is 404, an inactive one 422, a personal account 403.
 */

let person: string;

beforeAll(async () => {
  await seedPrompts();
  person = (await makeImage('#c8a27a')).toString('base64');
});

async function shop() {
  const n = new Types.ObjectId().toString();
  const org = await Organization.create({
    name: `Shop ${n}`,
    slug: `t-${n}`,
    createdBy: new Types.ObjectId(),
  });
  const orgId = org._id.toString();
  const user = await createTestUser();
  await Membership.create({
    _id: membershipId(orgId, user._id.toString()),
    orgId,
    userId: user._id,
    role: 'member',
  });
  const token = await sessionToken(user);
  await givePaidCredits(orgId, 20);
  const top = await createProduct(orgId, {
    sku: 'TEE',
    name: 'Tee',
    category: 'top',
    images: [await makeImage('#1f6feb')],
  });
  const bottom = await createProduct(orgId, {
    sku: 'JEANS',
    name: 'Jeans',
    category: 'bottom',
    images: [await makeImage('#223355')],
  });
  const dress = await createProduct(orgId, {
    sku: 'DRESS',
    name: 'Dress',
    category: 'one_piece',
    images: [await makeImage('#aa2266')],
  });
  const off = await createProduct(orgId, {
    sku: 'OFF',
    name: 'Off',
    category: 'top',
    images: [await makeImage('#777777')],
    active: false,
  });
  return {
    orgId,
    userId: user._id.toString(),
    cookie: `${SESSION_COOKIE}=${token}; tr_account=${orgId}`,
    top,
    bottom,
    dress,
    off,
  };
}

function post(headers: Record<string, string>, body: unknown) {
  return POST(
    new NextRequest('http://localhost:3000/api/v1/tryon', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', ...headers },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) } as never,
  );
}

async function json(res: Response) {
  return (await res.json()) as Record<string, unknown> & {
    error?: { code: string; message: string };
  };
}

describe('POST /api/v1/tryon with a catalog product', () => {
  it('uses the product image in its slot, records the product and charges the organisation', async () => {
    const s = await shop();
    const res = await post({ cookie: s.cookie }, { mode: 'top', user_image: person, sku: 'TEE' });
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(202);
    expect(body).toMatchObject({ mode: 'top', product_id: s.top._id.toString(), sku: 'TEE' });
    const job = await TryonJob.findById(body.id).lean();
    expect(job?.userId.toString()).toBe(s.orgId);
    expect(job?.inputs?.topImageId.toString()).toBe(s.top.images[0]?.toString());
    expect((await getBalance(s.orgId)).total).toBe(19);

    // By id, a one-piece, and a bottom in a full outfit (the top sent as an image).
    const dress = await post(
      { cookie: s.cookie },
      { mode: 'one_piece', user_image: person, product_id: s.dress._id.toString() },
    );
    expect(dress.status).toBe(202);
    const outfit = await post(
      { cookie: s.cookie },
      {
        mode: 'full',
        user_image: person,
        top_image: `data:image/png;base64,${(await makeImage('#eeeeee')).toString('base64')}`,
        sku: 'JEANS',
      },
    );
    const outfitBody = await json(outfit);
    expect(outfit.status, JSON.stringify(outfitBody)).toBe(202);
    const outfitJob = await TryonJob.findById(outfitBody.id).lean();
    expect(outfitJob?.inputs?.bottomImageId?.toString()).toBe(s.bottom.images[0]?.toString());
    await drainInline(60_000);
    expect((await TryonJob.findById(body.id).lean())?.status).toBe('completed');
  });

  it('refuses an inactive product (422), another organisation’s (404), a mismatched mode (400), a personal account (403)', async () => {
    const s = await shop();
    const other = await shop();
    const cases: Array<[Record<string, string>, Record<string, unknown>, number, string]> = [
      [
        { cookie: s.cookie },
        { mode: 'top', user_image: person, sku: 'OFF' },
        422,
        'product_inactive',
      ],
      [
        { cookie: s.cookie },
        { mode: 'top', user_image: person, product_id: other.top._id.toString() },
        404,
        'product_not_found',
      ],
      [
        { cookie: s.cookie },
        { mode: 'top', user_image: person, sku: 'NOPE' },
        404,
        'product_not_found',
      ],
      [
        { cookie: s.cookie },
        { mode: 'top', user_image: person, sku: 'DRESS' },
        400,
        'validation_error',
      ],
      [
        { cookie: s.cookie },
        { mode: 'full', user_image: person, sku: 'JEANS' },
        400,
        'validation_error',
      ],
      [
        { cookie: s.cookie },
        { mode: 'top', user_image: person, sku: 'TEE', top_image: person },
        400,
        'validation_error',
      ],
      [{ cookie: s.cookie }, { mode: 'top', user_image: person }, 400, 'validation_error'],
    ];
    const personal = await createTestUser();
    cases.push([
      { cookie: `${SESSION_COOKIE}=${await sessionToken(personal)}` },
      { mode: 'top', user_image: person, sku: 'TEE' },
      403,
      'organization_required',
    ]);
    for (const [headers, body, status, code] of cases) {
      const res = await post(headers, body);
      const answer = await json(res);
      expect(
        [res.status, answer.error?.code],
        JSON.stringify({ body: { ...body, user_image: '…' }, answer }),
      ).toEqual([status, code]);
    }
    // Nothing was charged for any of them.
    expect((await getBalance(s.orgId)).total).toBe(20);
    expect(await TryonJob.countDocuments({ userId: new Types.ObjectId(s.orgId) })).toBe(0);
  });

  it('works with the organisation’s API key', async () => {
    const s = await shop();
    const { key, prefix, keyHash } = generateApiKey();
    await ApiKey.create({ userId: s.orgId, name: 'backend', prefix, keyHash, createdBy: s.userId });
    const res = await post(
      { 'x-api-key': key },
      { mode: 'top', user_image: person, product_id: s.top._id.toString() },
    );
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(202);
    expect(body).toMatchObject({ sku: 'TEE', source: 'api' });
  });
});
