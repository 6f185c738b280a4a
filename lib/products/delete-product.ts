import { Product } from '@/models/product';
import { releaseSku } from './claim-sku';
import { dropUnusedImages } from './create-product';
import { getProductOrThrow } from './get-product-or-throw';

/**
 * Removes a product from the catalog, frees its SKU and deletes its images
 * unless a try-on (kept in history with the SKU it used) or another product
 * still uses them.
 */
export async function deleteProduct(
  orgId: string,
  productId: string,
): Promise<{ id: string; deleted: true }> {
  const doc = await getProductOrThrow(orgId, productId);
  await Product.deleteOne({ _id: doc._id });
  await releaseSku(orgId, doc.sku, doc._id);
  await dropUnusedImages(
    orgId,
    doc.images.map((id) => id.toString()),
  );
  return { id: doc._id.toString(), deleted: true };
}
