import { Types } from 'mongoose';
import { signImageUrl } from '@/lib/storage/sign-image-url';
import { Product, ProductSku, productSkuKey, type ProductDoc } from '@/models/product';
import { AppError } from '@/lib/errors';

/** A catalog product as the widget dialog shows it (never its internal ids but the SKU). */
export interface WidgetProductView {
  sku: string;
  name: string;
  category: string;
  /** A signed, short-lived link to the product's first image (a 320 px thumbnail). */
  image_url: string | null;
}

/** Sizes and colours shown under "try another": at most this many. */
export const MAX_VARIANTS = 8;

export const productUnavailable = () =>
  new AppError('not_found', 'This product cannot be tried on', {
    details: { reason: 'product' },
  });

/** The organisation's product with this SKU when it is active; null otherwise. One read by `_id` each. */
export async function findActiveProduct(orgId: string, sku: string): Promise<ProductDoc | null> {
  if (!sku || sku.length > 64) return null;
  const entry = await ProductSku.findById(productSkuKey(orgId, sku)).lean();
  if (!entry) return null;
  const product = await Product.findById(entry.productId).lean<ProductDoc>();
  if (!product || product.orgId.toString() !== orgId || !product.active) return null;
  return product;
}

export function toWidgetProductView(p: ProductDoc, ttlSeconds: number): WidgetProductView {
  const first = p.images?.[0];
  return {
    sku: p.sku,
    name: p.name,
    category: p.category,
    image_url: first ? `${signImageUrl(first.toString(), ttlSeconds)}&w=320` : null,
  };
}

/** The other active products of the same family (sizes, colours), by SKU. */
export async function listFamilyVariants(p: ProductDoc): Promise<ProductDoc[]> {
  if (!p.family) return [];
  const docs = await Product.find({
    orgId: new Types.ObjectId(p.orgId.toString()),
    family: p.family,
    active: true,
  })
    .sort({ sku: 1 })
    .limit(MAX_VARIANTS + 1)
    .lean<ProductDoc[]>();
  return docs.filter((d) => d._id.toString() !== p._id.toString()).slice(0, MAX_VARIANTS);
}
