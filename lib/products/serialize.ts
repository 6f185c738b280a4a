import { signImageUrl } from '@/lib/storage';
import type { ProductDoc } from '@/models/product';
import type { ProductView } from './schemas';

type Timestamps = { createdAt?: Date; updatedAt?: Date };

const HOUR_MS = 3_600_000;

/**
 * A signed link to a product image that stays the same for an hour (so the
 * browser's cache and the thumbnail ETag serve repeated renders) and is valid
 * for at least an hour after it is handed out.
 */
export function productImageUrl(assetId: string, now = Date.now()): string {
  const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
  return signImageUrl(assetId, (2 * HOUR_MS) / 1000, hourStart);
}

/** A product in the public snake_case shape. */
export function serializeProduct(doc: ProductDoc & Timestamps): ProductView {
  const created = doc.createdAt ?? new Date();
  return {
    id: doc._id.toString(),
    sku: doc.sku,
    name: doc.name,
    category: doc.category,
    images: (doc.images ?? []).map((id) => ({
      id: id.toString(),
      url: productImageUrl(id.toString()),
    })),
    product_url: doc.productUrl ?? null,
    family: doc.family ?? null,
    active: doc.active !== false,
    created_at: created.toISOString(),
    updated_at: (doc.updatedAt ?? created).toISOString(),
  };
}
