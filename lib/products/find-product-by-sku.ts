import { Types } from 'mongoose';
import { Product, ProductSku, productSkuKey, type ProductDoc } from '@/models/product';

/**
 * The organisation's product with this SKU, or null: the SKU index entry and
 * then the product, each read by `_id` alone (the hot path of the widget).
 * A stale index entry (its product gone or renamed) reads as absent.
 */
export async function findProductBySku(orgId: string, sku: string): Promise<ProductDoc | null> {
  const key = productSkuKey(orgId, sku);
  const entry = await ProductSku.findById(key).lean<{ productId: Types.ObjectId }>();
  if (!entry) return null;
  const doc = await Product.findById(entry.productId).lean<ProductDoc>();
  return doc && doc.skuKey === key && doc.orgId.toString() === orgId ? doc : null;
}
