import { describe, expect, it } from 'vitest';
import { ApiKey, CreditTransaction } from '@/models';
import { Membership } from '@/models/membership';
import { Organization } from '@/models/organization';
import { Product } from '@/models/product';
import { env } from '@/lib/env';
import { getBalance } from '@/lib/credits';
import { trackWidgetEvent } from '@/lib/widget-events';
import { seed } from './seed';
import { seedDemoShop } from './seed-demo-shop';

const KEY = `pk_live_${'DemoShopKey0123456789abcdefghijk'}`;

describe('seedDemoShop', () => {
  it('creates the demo shop once: organisation owned by the demo shopper, credits, products, publishable key', async () => {
    await seed();
    const first = await seedDemoShop({ publishableKey: KEY, origins: ['http://localhost:3001'] });
    expect(first.created).toEqual(
      expect.arrayContaining([
        'organisation Demo Shop',
        'product DEMO-TEE-BLUE',
        'product DEMO-DRESS-SUNDAY',
      ]),
    );
    const org = await Organization.findById(first.orgId).lean();
    expect(org).toMatchObject({ name: 'Demo Shop', slug: 'demo-shop', status: 'active' });
    const members = await Membership.find({ orgId: org?._id }).lean();
    expect(members).toHaveLength(1);
    expect(members[0]?.role).toBe('owner');

    const products = await Product.find({ orgId: org?._id }).sort({ sku: 1 }).lean();
    expect(products.map((p) => [p.sku, p.category, p.active, p.images.length])).toEqual([
      ['DEMO-DRESS-SUNDAY', 'one_piece', true, 1],
      ['DEMO-SWEATER-BRETON', 'top', true, 1],
      ['DEMO-TEE-BLUE', 'top', true, 1],
      ['DEMO-TEE-CORAL', 'top', true, 1],
    ]);
    expect((await getBalance(first.orgId)).total).toBe(200);

    // A second start on another port: nothing new but the origin; the credits are not granted twice.
    const again = await seedDemoShop({
      publishableKey: KEY,
      origins: ['http://localhost:3002', 'http://localhost:3001'],
    });
    expect(again).toEqual({ orgId: first.orgId, keyId: first.keyId, created: [] });
    expect((await getBalance(first.orgId)).total).toBe(200);
    expect(await CreditTransaction.countDocuments({ userId: org?._id })).toBe(1);

    const key = await ApiKey.findById(first.keyId).lean();
    expect(key).toMatchObject({
      kind: 'publishable',
      allowedOrigins: ['http://localhost:3001', 'http://localhost:3002'],
    });
    expect(key?.userId.toString()).toBe(first.orgId);
    // The key works for the demo shop's origins, and for nobody else's.
    const event = {
      key: KEY,
      type: 'add_to_cart' as const,
      sku: 'DEMO-TEE-BLUE',
      vid: 'seed-test-visitor',
    };
    await expect(
      trackWidgetEvent({ ...event, origin: 'http://localhost:3002' }),
    ).resolves.toMatchObject({
      origin: 'http://localhost:3002',
    });
    await expect(
      trackWidgetEvent({ ...event, origin: 'http://127.0.0.1:3001' }),
    ).rejects.toMatchObject({
      code: 'widget_unavailable',
    });
    expect(env.SEED_DEMO_EMAIL).toBeTruthy();
  });
});
