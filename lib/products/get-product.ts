import { getProductOrThrow } from './get-product-or-throw';
import type { ProductView } from './schemas';
import { serializeProduct } from './serialize';

/** GET /products/{id}: the product, or 404 `product_not_found`. */
export async function getProduct(orgId: string, productId: string): Promise<ProductView> {
  return serializeProduct(await getProductOrThrow(orgId, productId));
}
