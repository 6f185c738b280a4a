import { Types } from 'mongoose';
import { isDuplicateKeyError } from '@/lib/errors';
import { Product, productSkuKey, type ProductDoc } from '@/models/product';
import type { ProductCategory } from '@/models/enums';
import { claimSku, releaseSku, skuTaken } from './claim-sku';
import { dropUnusedImages } from './create-product';
import { getProductOrThrow } from './get-product-or-throw';
import type { FetchImageUrlOptions } from '@/lib/images';
import { storeProductImages, type ProductImageSource } from './store-product-images';

export interface UpdateProductInput {
  sku?: string;
  name?: string;
  category?: ProductCategory;
  /** The new image list (replaces the old one; `{ assetId }` keeps an existing image). */
  images?: readonly ProductImageSource[];
  imageSourceUrls?: readonly string[];
  /** For image URLs (tests allow a loopback server). */
  fetch?: FetchImageUrlOptions;
  /** null clears it. */
  productUrl?: string | null;
  /** null clears it. */
  family?: string | null;
  active?: boolean;
}

/**
 * Changes a product. A new SKU is claimed before the product takes it (409
 * `sku_taken` if another product has it) and the old one released after;
 * replaced images are deleted unless a try-on or another product still uses
 * them.
 */
export async function updateProduct(
  orgId: string,
  productId: string,
  input: UpdateProductInput,
): Promise<ProductDoc> {
  const current = await getProductOrThrow(orgId, productId);
  const skuChanges = input.sku !== undefined && input.sku !== current.sku;
  if (skuChanges && input.sku) await claimSku(orgId, input.sku, current._id);
  let newImages: string[] | undefined;
  try {
    if (input.images) newImages = await storeProductImages(orgId, input.images, input.fetch);
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    if (skuChanges && input.sku) {
      set.sku = input.sku;
      set.skuKey = productSkuKey(orgId, input.sku);
    }
    if (input.name !== undefined) set.name = input.name;
    if (input.category !== undefined) set.category = input.category;
    if (input.active !== undefined) set.active = input.active;
    if (newImages) {
      set.images = newImages.map((id) => new Types.ObjectId(id));
      if (input.imageSourceUrls) set.imageSourceUrls = [...input.imageSourceUrls];
      else unset.imageSourceUrls = 1;
    }
    if (input.productUrl === null) unset.productUrl = 1;
    else if (input.productUrl !== undefined) set.productUrl = input.productUrl;
    if (input.family === null) unset.family = 1;
    else if (input.family !== undefined) set.family = input.family;
    await Product.updateOne(
      { _id: current._id },
      {
        ...(Object.keys(set).length ? { $set: set } : {}),
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
      },
      { runValidators: true },
    );
  } catch (err) {
    if (skuChanges && input.sku) await releaseSku(orgId, input.sku, current._id);
    if (newImages) {
      const kept = new Set(current.images.map((id) => id.toString()));
      await dropUnusedImages(
        orgId,
        newImages.filter((id) => !kept.has(id)),
      );
    }
    if (isDuplicateKeyError(err) && input.sku) throw skuTaken(input.sku);
    throw err;
  }
  if (skuChanges) await releaseSku(orgId, current.sku, current._id);
  if (newImages) {
    const now = new Set(newImages);
    const removed = current.images.map((id) => id.toString()).filter((id) => !now.has(id));
    if (removed.length) await dropUnusedImages(orgId, removed);
  }
  return getProductOrThrow(orgId, productId);
}
