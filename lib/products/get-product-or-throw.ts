import { Types } from 'mongoose';
import { AppError } from '@/lib/errors';
import { Product, type ProductDoc } from '@/models/product';

export const productNotFound = () =>
  new AppError('product_not_found', 'No such product in this organisation');

/**
 * One of the organisation's products, read by `_id` alone with the owner
 * checked in code: another organisation's id, an unknown or a malformed one
 * all answer 404 `product_not_found`, so existence never leaks.
 */
export async function getProductOrThrow(orgId: string, productId: string): Promise<ProductDoc> {
  if (!/^[0-9a-f]{24}$/i.test(productId)) throw productNotFound();
  const doc = await Product.findById(new Types.ObjectId(productId)).lean<ProductDoc>();
  if (!doc || doc.orgId.toString() !== orgId) throw productNotFound();
  return doc;
}
