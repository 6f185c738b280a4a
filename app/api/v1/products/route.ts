import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api';
import { readCreateProduct } from '@/lib/api/read-product-body';
import { apiQueryObject } from '@/lib/api/shared-schemas';
import {
  createProduct,
  listProducts,
  listProductsQuery,
  requireProductAccess,
  serializeProduct,
} from '@/lib/products';

export const dynamic = 'force-dynamic';

// GET /api/v1/products — the organisation's products, newest first (limit, starting_after/ending_before, active, category, family, q)
export const GET = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  const orgId = requireProductAccess(caller, 'read');
  return listProducts(orgId, listProductsQuery.parse(apiQueryObject(req)));
});

// POST /api/v1/products — add a product (JSON with image URLs/base64, or multipart with image files)
export const POST = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  const orgId = requireProductAccess(caller, 'write');
  const input = await readCreateProduct(req);
  const doc = await createProduct(orgId, { ...input, createdBy: caller.userId });
  const res = NextResponse.json(serializeProduct(doc), { status: 201 });
  res.headers.set('Location', `/api/v1/products/${doc._id.toString()}`);
  return res;
});
