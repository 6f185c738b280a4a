import { Types } from 'mongoose';
import { listEnvelope } from '@/lib/api/list';
import { decodeCursors, keysetPage, keysetQuery } from '@/lib/db/keyset';
import { Product, type ProductDoc } from '@/models/product';
import type { ListProductsQuery, ProductList } from './schemas';
import { serializeProduct } from './serialize';

type Row = ProductDoc & { createdAt: Date; updatedAt?: Date };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The list's own filter: the organisation, plus active/category/family and a search on SKU or name. */
export function productListFilter(orgId: string, q: ListProductsQuery): Record<string, unknown> {
  const search = q.q ? new RegExp(escapeRegex(q.q), 'i') : null;
  return {
    orgId: new Types.ObjectId(orgId),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.family ? { family: q.family } : {}),
    ...(search ? { $or: [{ sku: search }, { name: search }] } : {}),
  };
}

/**
 * GET /products: the organisation's products, newest first, a keyset page
 * of `limit + 1` rows from the `(orgId, createdAt)` index
 * (`starting_after`/`ending_before` take a `next_cursor`).
 */
export async function listProducts(orgId: string, q: ListProductsQuery): Promise<ProductList> {
  const k = keysetQuery('createdAt', decodeCursors('products', q));
  const filter = productListFilter(orgId, q);
  const rows = await Product.find(
    Object.keys(k.filter).length ? { $and: [filter, k.filter] } : filter,
  )
    .sort(k.sort)
    .limit(q.limit + 1)
    .lean<Row[]>();
  const page = keysetPage(
    rows,
    q.limit,
    k.reversed,
    (r) => ({ value: r.createdAt, id: r._id.toString() }),
    'products',
  );
  return listEnvelope(page.rows.map(serializeProduct), {
    limit: q.limit,
    hasMore: page.hasMore,
    nextCursor: page.nextCursor,
  }) as ProductList;
}
