import { AppError } from '@/lib/errors';
import type { ProductCategory } from '@/models/enums';
import type { ProductDoc } from '@/models/product';
import { findProductBySku } from './find-product-by-sku';
import { getProductOrThrow, productNotFound } from './get-product-or-throw';

/** What a try-on needs of a catalog product. */
export interface TryonProduct {
  id: string;
  sku: string;
  name: string;
  category: ProductCategory;
  family: string | null;
  /** The organisation's asset used as the garment photo (the product's first image). */
  imageId: string;
}

export interface ResolveTryonProductInput {
  orgId: string;
  productId?: string;
  sku?: string;
  /** Refuse an inactive product (422 `product_inactive`): always true for publishable keys. */
  requireActive: boolean;
}

export function toTryonProduct(doc: ProductDoc): TryonProduct {
  const first = doc.images[0];
  if (!first) throw productNotFound();
  return {
    id: doc._id.toString(),
    sku: doc.sku,
    name: doc.name,
    category: doc.category,
    family: doc.family ?? null,
    imageId: first.toString(),
  };
}

/**
 * The product a try-on names (`product_id` or `sku`; with both, they must be
 * the same product): 404 `product_not_found` for an unknown one or another
 * organisation's, 422 `product_inactive` for a switched-off one when
 * `requireActive`. Every read is by `_id`.
 */
export async function resolveTryonProduct(input: ResolveTryonProductInput): Promise<TryonProduct> {
  const { orgId, productId, sku } = input;
  let doc: ProductDoc | null = null;
  if (productId !== undefined) doc = await getProductOrThrow(orgId, productId);
  else if (sku !== undefined) doc = await findProductBySku(orgId, sku);
  if (!doc) throw productNotFound();
  if (productId !== undefined && sku !== undefined && doc.sku !== sku) {
    throw new AppError('validation_error', 'sku: names another product than product_id', {
      details: [{ path: 'sku', message: 'names another product than product_id' }],
    });
  }
  if (input.requireActive && doc.active === false) {
    throw new AppError('product_inactive', `The product “${doc.sku}” is not active`, {
      details: { product_id: doc._id.toString(), sku: doc.sku },
    });
  }
  return toTryonProduct(doc);
}
