import { requireProductAccess, type ProductActor } from './require-product-access';
import { resolveTryonProduct, type TryonProduct } from './resolve-tryon-product';

/**
 * How POST /tryon looks up a product it names: in the caller's organisation
 * (403 `organization_required` from a personal account, any member may try
 * on), active products only (422 `product_inactive`).
 */
export function tryonProductResolver(actor: ProductActor) {
  return (ref: { productId?: string; sku?: string }): Promise<TryonProduct> =>
    resolveTryonProduct({
      orgId: requireProductAccess(actor, 'read'),
      ...ref,
      requireActive: true,
    });
}
