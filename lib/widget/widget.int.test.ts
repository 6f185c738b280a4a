import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublishableKey } from '@/lib/apikeys';
import { getBalance } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import { drainInline } from '@/lib/jobs';
import { createProduct } from '@/lib/products';
import { givePaidCredits, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { createTestUser } from '@/lib/testing/session-request';
import { Asset, WebhookDelivery, WebhookEndpoint, WidgetEvent } from '@/models';
import { ApiKey } from '@/models/api-key';
import { Organization } from '@/models/organization';
import { TryonJob } from '@/models/tryon-job';
import {
  createWidgetTryon,
  frameAncestorsForKey,
  getWidgetTryonOrThrow,
  purgeWidgetPhotos,
  signVisitorToken,
  startWidgetSession,
  verifyVisitorTokenOrThrow,
} from './index';

/**
 * The storefront widget against the real database: publishable keys and
 * their origins, the dialog's session, widget try-ons paid by the
 * organisation, isolation between keys, organisations and visitors, the
 * visitor quota and the daily caps under concurrency, refusals recorded,
 * the completed webhook event and the photo retention.
 */

const SHOP = 'https://shop.example';
let photo: Buffer;
let ipCounter = 0;
/** A fresh client IP per call: the per-IP widget rate limit is not what these tests are about. */
const ip = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  await seedPrompts();
  photo = await makeImage('#c8a27a', { format: 'jpeg' });
});

async function shop(
  opts: {
    credits?: number;
    visitorDailyTryons?: number;
    widgetDailyCreditCap?: number;
    keyCap?: number;
  } = {},
) {
  const owner = await createTestUser();
  const n = new Types.ObjectId().toString();
  const org = await Organization.create({
    name: `Shop ${n}`,
    slug: `w-${n}`,
    createdBy: owner._id,
    settings: {
      ...(opts.visitorDailyTryons !== undefined
        ? { visitorDailyTryons: opts.visitorDailyTryons }
        : {}),
      ...(opts.widgetDailyCreditCap !== undefined
        ? { widgetDailyCreditCap: opts.widgetDailyCreditCap }
        : {}),
    },
  });
  const orgId = org._id.toString();
  if (opts.credits) await givePaidCredits(orgId, opts.credits);
  const actor = {
    userId: owner._id.toString(),
    account: { type: 'organization' as const, orgId, role: 'owner' as const },
  };
  const pk = await createPublishableKey(actor, 'storefront', [SHOP]);
  if (opts.keyCap)
    await ApiKey.updateOne({ _id: pk.id }, { $set: { dailyCreditCap: opts.keyCap } });
  const tee = await createProduct(orgId, {
    sku: 'TEE',
    name: 'Tee',
    category: 'top',
    family: 'tee',
    images: [await makeImage('#1f6feb')],
  });
  await createProduct(orgId, {
    sku: 'TEE-RED',
    name: 'Tee, red',
    category: 'top',
    family: 'tee',
    images: [await makeImage('#d03030')],
  });
  await createProduct(orgId, {
    sku: 'OFF',
    name: 'Off',
    category: 'top',
    images: [await makeImage('#777777')],
    active: false,
  });
  return { orgId, actor, pk, tee };
}

function tokenFor(s: { orgId: string; pk: { id: string } }, vid = `v_${new Types.ObjectId()}`) {
  return signVisitorToken({ keyId: s.pk.id, orgId: s.orgId, vid, origin: SHOP }).token;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

function settle<T>(ps: Array<Promise<T>>) {
  return Promise.allSettled(ps).then((rs) => ({
    ok: rs.filter((r) => r.status === 'fulfilled').length,
    codes: rs.flatMap((r) =>
      r.status === 'rejected'
        ? [r.reason instanceof AppError ? r.reason.code : String(r.reason)]
        : [],
    ),
  }));
}

describe('publishable keys', () => {
  it('belong to organisations, with validated exact origins', async () => {
    const person = await createTestUser();
    const personal = { userId: person._id.toString(), account: { type: 'user' as const } };
    expect(await codeOf(createPublishableKey(personal, 'k', [SHOP]))).toBe('organization_required');
    const s = await shop();
    const member = { ...s.actor, account: { ...s.actor.account, role: 'member' as const } };
    expect(await codeOf(createPublishableKey(member, 'k', [SHOP]))).toBe(
      'organization_role_forbidden',
    );
    expect(await codeOf(createPublishableKey(s.actor, 'k', ['https://shop.example/path']))).toBe(
      'validation_error',
    );
    expect(await codeOf(createPublishableKey(s.actor, 'k', []))).toBe('validation_error');
    expect(s.pk).toMatchObject({ kind: 'publishable', allowed_origins: [SHOP] });
    expect(s.pk.key).toMatch(/^pk_live_[0-9A-Za-z]{32}$/);
    expect(await frameAncestorsForKey(s.pk.key)).toEqual([SHOP]);
    expect(await frameAncestorsForKey('pk_live_' + 'x'.repeat(32))).toEqual([]);
    await ApiKey.updateOne({ _id: s.pk.id }, { $set: { revokedAt: new Date() } });
    expect(await frameAncestorsForKey(s.pk.key)).toEqual([]);
  });
});

describe('the dialog session (GET /embed/tryon)', () => {
  it('issues a visitor token for an allowed origin and an active product, and refuses the rest', async () => {
    const s = await shop();
    const vid = 'visitor_abcdefgh';
    const ok = await startWidgetSession({
      key: s.pk.key,
      sku: 'TEE',
      vid,
      referer: `${SHOP}/products/tee`,
    });
    expect(ok).toMatchObject({ ok: true, parentOrigin: SHOP, retentionHours: 24 });
    if (!ok.ok) throw new Error('refused');
    expect(ok.product.sku).toBe('TEE');
    expect(ok.variants.map((v) => v.sku)).toEqual(['TEE-RED']);
    expect(verifyVisitorTokenOrThrow(ok.token)).toMatchObject({
      keyId: s.pk.id,
      orgId: s.orgId,
      vid,
      origin: SHOP,
    });
    const base = { key: s.pk.key, sku: 'TEE', vid, referer: `${SHOP}/p` };
    expect(await startWidgetSession({ ...base, referer: 'https://evil.example/' })).toMatchObject({
      ok: false,
      reason: 'origin',
    });
    expect(await startWidgetSession({ ...base, sku: 'OFF' })).toMatchObject({
      ok: false,
      reason: 'product',
    });
    expect(await startWidgetSession({ ...base, key: 'pk_live_nope' })).toMatchObject({
      ok: false,
      reason: 'key',
    });
    const refusals = await WidgetEvent.find({ orgId: s.orgId, type: 'refused' }).lean();
    expect(refusals.map((e) => e.reason).sort()).toEqual([
      'widget_origin_refused',
      'widget_product_refused',
    ]);
    expect(await WidgetEvent.countDocuments({ orgId: s.orgId, type: 'open' })).toBe(1);
  });
});

describe('widget try-ons', () => {
  it('are paid by the organisation, complete, raise widget.tryon.completed and are purged after the retention', async () => {
    const s = await shop({ credits: 10 });
    // An endpoint that takes only the widget event (delivery itself is the webhooks' tests' business).
    const endpoint = await WebhookEndpoint.create({
      userId: s.orgId,
      url: 'https://hooks.shop.example/trailroom',
      secret: 'whsec_test',
      events: ['widget.tryon.completed'],
    });
    const token = tokenFor(s);
    const job = await createWidgetTryon({ token, sku: 'TEE', photo, ip: ip() });
    expect(job).toMatchObject({ mode: 'top', creditsUsed: 1 });
    expect(job.source).toMatchObject({ kind: 'widget', origin: SHOP });
    expect(job.inputs?.topImageId.toString()).toBe(s.tee.images[0]?.toString());
    expect((await getBalance(s.orgId)).total).toBe(9);
    await drainInline(60_000);
    const done = await getWidgetTryonOrThrow(verifyVisitorTokenOrThrow(token), job._id.toString());
    expect(done.status).toBe('completed');
    expect(
      await WidgetEvent.countDocuments({ orgId: s.orgId, type: 'tryon_completed', jobId: job._id }),
    ).toBe(1);
    expect(await WidgetEvent.countDocuments({ orgId: s.orgId, type: 'tryon_created' })).toBe(1);
    const deliveries = await WebhookDelivery.find({ endpointId: endpoint._id }).lean();
    expect(deliveries.map((d) => d.eventType)).toEqual(['widget.tryon.completed']);
    expect(deliveries[0]?.payload).toMatchObject({
      data: {
        job_id: job._id.toString(),
        sku: 'TEE',
        product_id: s.tee._id.toString(),
        api_key_id: s.pk.id,
        origin: SHOP,
      },
    });

    // Not yet due: nothing happens; past 24 hours: the shopper's images go, the product's stays.
    expect(await purgeWidgetPhotos(new Date(Date.now() + 60 * 60 * 1000))).toMatchObject({
      jobs: 0,
    });
    const purged = await purgeWidgetPhotos(new Date(Date.now() + 24 * 60 * 60 * 1000));
    expect(purged.jobs).toBeGreaterThanOrEqual(1);
    expect(await Asset.exists({ _id: done.inputs?.userImageId })).toBeNull();
    expect(await Asset.exists({ _id: done.outputImageId })).toBeNull();
    expect(await Asset.exists({ _id: done.inputs?.topImageId })).not.toBeNull();
    expect((await TryonJob.findById(job._id).lean())?.photosPurgedAt).toBeInstanceOf(Date);
  });

  it('cannot be read with another key, organisation or visitor, nor made for an inactive product', async () => {
    const a = await shop({ credits: 10 });
    const b = await shop({ credits: 10 });
    const vid = 'visitor_same_id';
    const tokenA = tokenFor(a, vid);
    const job = await createWidgetTryon({ token: tokenA, sku: 'TEE', photo, ip: ip() });
    const id = job._id.toString();
    expect(
      (await getWidgetTryonOrThrow(verifyVisitorTokenOrThrow(tokenA), id)).status,
    ).toBeTruthy();
    // Organisation B's key, the same visitor id: 404.
    expect(
      await codeOf(getWidgetTryonOrThrow(verifyVisitorTokenOrThrow(tokenFor(b, vid)), id)),
    ).toBe('not_found');
    // A second key of organisation A: 404.
    const a2 = await createPublishableKey(a.actor, 'second', [SHOP]);
    const claims2 = verifyVisitorTokenOrThrow(
      signVisitorToken({ keyId: a2.id, orgId: a.orgId, vid, origin: SHOP }).token,
    );
    expect(await codeOf(getWidgetTryonOrThrow(claims2, id))).toBe('not_found');
    // Another visitor of the same key: 404.
    expect(await codeOf(getWidgetTryonOrThrow(verifyVisitorTokenOrThrow(tokenFor(a)), id))).toBe(
      'not_found',
    );
    // A token naming organisation B with A's key is refused before anything is read.
    const crossed = signVisitorToken({ keyId: a.pk.id, orgId: b.orgId, vid, origin: SHOP }).token;
    expect(await codeOf(createWidgetTryon({ token: crossed, sku: 'TEE', photo, ip: ip() }))).toBe(
      'widget_unavailable',
    );
    // B's product through A's key is not found; an inactive product is refused.
    expect(
      await codeOf(createWidgetTryon({ token: tokenFor(a), sku: 'OFF', photo, ip: ip() })),
    ).toBe('product_inactive');
    expect(
      await codeOf(createWidgetTryon({ token: tokenFor(a), sku: 'NOPE', photo, ip: ip() })),
    ).toBe('product_not_found');
    expect((await getBalance(a.orgId)).total).toBe(9);
    const reasons = (await WidgetEvent.find({ orgId: a.orgId, type: 'refused' }).lean()).map(
      (e) => e.reason,
    );
    expect(reasons).toEqual(expect.arrayContaining(['product_inactive', 'product_not_found']));
  });

  it('stop for a revoked key or a removed origin', async () => {
    const s = await shop({ credits: 10 });
    const token = tokenFor(s);
    await ApiKey.updateOne(
      { _id: s.pk.id },
      { $set: { allowedOrigins: ['https://other.example'] } },
    );
    expect(await codeOf(createWidgetTryon({ token, sku: 'TEE', photo, ip: ip() }))).toBe(
      'widget_unavailable',
    );
    await ApiKey.updateOne(
      { _id: s.pk.id },
      { $set: { allowedOrigins: [SHOP], revokedAt: new Date() } },
    );
    expect(await codeOf(createWidgetTryon({ token, sku: 'TEE', photo, ip: ip() }))).toBe(
      'widget_unavailable',
    );
    expect((await getBalance(s.orgId)).total).toBe(10);
  });

  it('the visitor quota refuses the N+1th under concurrency (exactly N made)', async () => {
    const s = await shop({ credits: 50, visitorDailyTryons: 3 });
    const token = tokenFor(s);
    const { ok, codes } = await settle(
      Array.from({ length: 8 }, () => createWidgetTryon({ token, sku: 'TEE', photo, ip: ip() })),
    );
    expect(ok).toBe(3);
    expect(codes).toEqual(Array(5).fill('widget_quota_exceeded'));
    expect((await getBalance(s.orgId)).total).toBe(47);
    // Another visitor still has their own quota.
    await expect(
      createWidgetTryon({ token: tokenFor(s), sku: 'TEE', photo, ip: ip() }),
    ).resolves.toBeTruthy();
    expect(
      await WidgetEvent.countDocuments({ orgId: s.orgId, reason: 'widget_quota_exceeded' }),
    ).toBe(5);
  });

  it('a key’s and an organisation’s daily credit caps are never passed under concurrency', async () => {
    const byKey = await shop({ credits: 50, keyCap: 2 });
    const r1 = await settle(
      Array.from({ length: 6 }, () =>
        createWidgetTryon({ token: tokenFor(byKey), sku: 'TEE', photo, ip: ip() }),
      ),
    );
    expect(r1.ok, JSON.stringify(r1.codes)).toBe(2);
    expect(r1.codes).toEqual(Array(4).fill('spend_cap_reached'));
    expect((await getBalance(byKey.orgId)).total).toBe(48);

    const byOrg = await shop({ credits: 50, widgetDailyCreditCap: 3 });
    const r2 = await settle(
      Array.from({ length: 7 }, () =>
        createWidgetTryon({ token: tokenFor(byOrg), sku: 'TEE', photo, ip: ip() }),
      ),
    );
    expect(r2.ok).toBe(3);
    expect(r2.codes).toEqual(Array(4).fill('spend_cap_reached'));
    expect((await getBalance(byOrg.orgId)).total).toBe(47);
  });

  it('a photo refused by the image checks gives the visitor their try-on back', async () => {
    const s = await shop({ credits: 10, visitorDailyTryons: 1 });
    const token = tokenFor(s);
    expect(
      await codeOf(
        createWidgetTryon({ token, sku: 'TEE', photo: Buffer.from('not an image'), ip: ip() }),
      ),
    ).toMatch(/^(unsupported_image_type|image_corrupt)$/);
    await expect(createWidgetTryon({ token, sku: 'TEE', photo, ip: ip() })).resolves.toBeTruthy();
  });
});
