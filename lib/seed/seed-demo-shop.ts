import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Types } from 'mongoose';
import sharp from 'sharp';
import { z } from 'zod';
import { adjustCredits } from '@/lib/credits';
import { isDuplicateKeyError } from '@/lib/errors';
import { env } from '@/lib/env';
import { hashApiKey } from '@/lib/apikeys/hash-api-key';
import { createProduct, findProductBySku } from '@/lib/products';
import { ApiKey, User } from '@/models';
import { Membership, membershipId } from '@/models/membership';
import { Organization } from '@/models/organization';
import { PRODUCT_CATEGORIES } from '@/models/enums';

/**
 * The demo shop of `npm run dev` and the storefront e2e run (demo-store/): the "Demo Shop"
 * organisation, owned by the demo shopper, with credits, the products of
 * demo-store/catalog.json (images drawn in demo-store/images, rasterised here) and the
 * publishable key the demo pages embed, allowed for the demo shop's origins. The key is
 * given, not generated (scripts/lib/demo-store.mjs derives it from a secret), so every start
 * serves the key the database holds. Idempotent: what exists is left alone, except that the
 * key's allowed origins gain the origins given (the dev port may change).
 */
export const DEMO_STORE_DIR = path.join(process.cwd(), 'demo-store');

const catalogSchema = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  credits: z.number().int().positive(),
  products: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      category: z.enum(PRODUCT_CATEGORIES),
      family: z.string().optional(),
      image: z.string(),
    }),
  ),
});

export interface DemoShopInput {
  /** The `pk_live_` key the demo pages embed. */
  publishableKey: string;
  /** The demo shop's origins (e.g. `http://localhost:3001`). */
  origins: string[];
  /** Where demo-store/ is (default: the working directory's). */
  dir?: string;
}

export interface DemoShop {
  orgId: string;
  keyId: string;
  created: string[];
}

async function findOrCreateOrg(name: string, slug: string, ownerId: Types.ObjectId) {
  const existing = await Organization.findOne({ slug }).lean();
  if (existing) return { org: existing, created: false };
  try {
    const doc = await Organization.create({ name, slug, createdBy: ownerId });
    return { org: doc.toObject(), created: true };
  } catch (err) {
    // Two seeds at once: the other one made it.
    if (!isDuplicateKeyError(err)) throw err;
    const org = await Organization.findOne({ slug }).lean();
    if (!org) throw err;
    return { org, created: false };
  }
}

export async function seedDemoShop(input: DemoShopInput): Promise<DemoShop> {
  const dir = input.dir ?? DEMO_STORE_DIR;
  const catalog = catalogSchema.parse(
    JSON.parse(await readFile(path.join(dir, 'catalog.json'), 'utf8')),
  );
  const [demo, admin] = await Promise.all([
    User.findOne({ email: env.SEED_DEMO_EMAIL }).lean(),
    User.findOne({ email: env.SEED_ADMIN_EMAIL }).lean(),
  ]);
  if (!demo || !admin) throw new Error('seed the demo shopper and the admin first (seed())');
  const created: string[] = [];

  const { org, created: orgCreated } = await findOrCreateOrg(
    catalog.organization.name,
    catalog.organization.slug,
    demo._id,
  );
  const orgId = org._id.toString();
  if (orgCreated) created.push(`organisation ${catalog.organization.name}`);
  await Membership.updateOne(
    { _id: membershipId(orgId, demo._id.toString()) },
    { $setOnInsert: { orgId: org._id, userId: demo._id, role: 'owner' } },
    { upsert: true },
  );

  // Keyed: applied once per organisation, whatever the number of starts.
  await adjustCredits({
    userId: orgId,
    credits: catalog.credits,
    idempotencyKey: `seed:demo-shop-credits:${orgId}`,
    description: 'Demo shop credits (seed)',
    actor: { type: 'admin', id: admin._id.toString() },
  });

  for (const product of catalog.products) {
    if (await findProductBySku(orgId, product.sku)) continue;
    const image = await sharp(await readFile(path.join(dir, product.image)))
      .png()
      .toBuffer();
    await createProduct(orgId, {
      sku: product.sku,
      name: product.name,
      category: product.category,
      images: [image],
      ...(product.family ? { family: product.family } : {}),
      createdBy: demo._id.toString(),
    });
    created.push(`product ${product.sku}`);
  }

  const keyHash = hashApiKey(input.publishableKey);
  const key = await ApiKey.findOne({ keyHash }).lean();
  if (key && key.userId.toString() !== orgId)
    throw new Error('the demo shop key belongs to another account');
  let keyId: Types.ObjectId;
  if (key) {
    keyId = key._id;
    await ApiKey.updateOne(
      { _id: key._id },
      { $addToSet: { allowedOrigins: { $each: input.origins } } },
    );
  } else {
    const doc = await ApiKey.create({
      userId: org._id,
      name: 'Demo store widget',
      prefix: input.publishableKey.slice(0, 12),
      keyHash,
      kind: 'publishable',
      allowedOrigins: input.origins,
      createdBy: demo._id,
    });
    keyId = doc._id;
    created.push(
      `publishable key ${input.publishableKey.slice(0, 12)}… for ${input.origins.join(', ')}`,
    );
  }
  return { orgId, keyId: keyId.toString(), created };
}
