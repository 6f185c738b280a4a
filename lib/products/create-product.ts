import { Types } from 'mongoose';
import { isDuplicateKeyError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { deleteImagesIfUnused } from '@/lib/storage';
import { Product, productSkuKey, type ProductDoc } from '@/models/product';
import type { ProductCategory } from '@/models/enums';
import { claimSku, releaseSku, skuTaken } from './claim-sku';
import type { FetchImageUrlOptions } from '@/lib/images';
import { storeProductImages, type ProductImageSource } from './store-product-images';

export interface CreateProductInput {
  sku: string;
  name: string;
  category: ProductCategory;
  images: readonly ProductImageSource[];
  productUrl?: string;
  family?: string;
  active?: boolean;
  /** The CSV import's image URLs (a re-import with the same ones fetches nothing). */
  imageSourceUrls?: readonly string[];
  /** For image URLs (tests allow a loopback server). */
  fetch?: FetchImageUrlOptions;
  /** The person who added it. */
  createdBy?: string;
}

/** Images stored for a product that was then not written: removed unless something else uses them. */
export async function dropUnusedImages(orgId: string, ids: readonly string[]): Promise<void> {
  await deleteImagesIfUnused(ids, orgId).catch((err: unknown) =>
    logger.warn(
      { orgId, err: err instanceof Error ? err.message : String(err) },
      'could not delete unused product images',
    ),
  );
}

/**
 * Adds a product to the organisation's catalog: claims the SKU first (409
 * `sku_taken`, exactly one winner under concurrency), then takes the images
 * in and writes the product. A failure after the claim releases it.
 */
export async function createProduct(orgId: string, input: CreateProductInput): Promise<ProductDoc> {
  const _id = new Types.ObjectId();
  await claimSku(orgId, input.sku, _id);
  let images: string[] = [];
  try {
    images = await storeProductImages(orgId, input.images, input.fetch);
    const created = await Product.create({
      _id,
      orgId: new Types.ObjectId(orgId),
      sku: input.sku,
      skuKey: productSkuKey(orgId, input.sku),
      name: input.name,
      category: input.category,
      images: images.map((id) => new Types.ObjectId(id)),
      ...(input.imageSourceUrls ? { imageSourceUrls: [...input.imageSourceUrls] } : {}),
      ...(input.productUrl ? { productUrl: input.productUrl } : {}),
      ...(input.family ? { family: input.family } : {}),
      active: input.active ?? true,
      ...(input.createdBy && Types.ObjectId.isValid(input.createdBy)
        ? { createdBy: new Types.ObjectId(input.createdBy) }
        : {}),
    });
    return created.toObject() as ProductDoc;
  } catch (err) {
    await releaseSku(orgId, input.sku, _id);
    if (images.length) await dropUnusedImages(orgId, images);
    // The products' own unique skuKey: the second guard behind the claim.
    if (isDuplicateKeyError(err)) throw skuTaken(input.sku);
    throw err;
  }
}
