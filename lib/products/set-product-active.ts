import type { ProductDoc } from '@/models/product';
import { updateProduct } from './update-product';

/** Switches a product on or off (an inactive product can never be tried on). */
export async function setProductActive(
  orgId: string,
  productId: string,
  active: boolean,
): Promise<ProductDoc> {
  return updateProduct(orgId, productId, { active });
}
