import { apiRoute } from '@/lib/api';
import { readUpdateProduct } from '@/lib/api/read-product-body';
import {
  deleteProduct,
  getProduct,
  productIdParam,
  requireProductAccess,
  serializeProduct,
  updateProduct,
} from '@/lib/products';

export const dynamic = 'force-dynamic';

// GET /api/v1/products/{id} — one product of the organisation
export const GET = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) => {
  const orgId = requireProductAccess(caller, 'read');
  return getProduct(orgId, productIdParam.parse(params).id);
});

// PATCH /api/v1/products/{id} — change fields, images or the active flag
export const PATCH = apiRoute<{ id: string }>({ auth: 'user' }, async ({ req, params, caller }) => {
  const orgId = requireProductAccess(caller, 'write');
  const { id } = productIdParam.parse(params);
  const input = await readUpdateProduct(req);
  return serializeProduct(await updateProduct(orgId, id, input));
});

// DELETE /api/v1/products/{id} — remove a product (its try-ons stay in history)
export const DELETE = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) => {
  const orgId = requireProductAccess(caller, 'write');
  return deleteProduct(orgId, productIdParam.parse(params).id);
});
