import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  createProductBody,
  deleteProductResponseSchema,
  IMPORT_COLUMNS,
  importResultSchema,
  listProductsQuery,
  MAX_IMPORT_ROWS,
  productIdParam,
  productListSchema,
  productSchema,
  updateProductBody,
} from '@/lib/products/schemas';

/**
 * The catalog routes of the OpenAPI document (/products), from the same zod
 * schemas as lib/products. Organisation accounts only: a personal account
 * answers 403 `organization_required`.
 */
interface Helpers {
  security: Array<Record<string, string[]>>;
  json: (schema: z.ZodType, description: string) => object;
  errors: (...statuses: number[]) => Record<string, object>;
  errorSchema: z.ZodType;
}

export function registerProductPaths(registry: OpenAPIRegistry, h: Helpers): void {
  const { security, json, errors } = h;
  const tags = ['Products'];
  const err = (description: string) => ({
    description,
    content: { 'application/json': { schema: h.errorSchema } },
  });
  const forbidden = {
    403: err(
      'organization_required (a personal account: products belong to organisations), organization_role_forbidden (members read, admins change), forbidden, account_suspended, cross_site_request',
    ),
  };
  const notFound = { 404: err('product_not_found: no such product in this organisation') };
  const imageRefused = {
    422: err(
      'An image refused (image_corrupt, image_too_small, image_fetch_failed, invalid_url, …): the message names images[n]',
    ),
  };
  const byId = { id: '$response.body#/id' };
  const links = {
    GetProduct: { operationId: 'getProduct', parameters: byId },
    UpdateProduct: { operationId: 'updateProduct', parameters: byId },
    DeleteProduct: { operationId: 'deleteProduct', parameters: byId },
  };

  registry.registerPath({
    method: 'get',
    path: '/products',
    operationId: 'listProducts',
    summary: 'The organisation’s products, newest first',
    tags,
    security,
    request: { query: listProductsQuery },
    responses: { 200: json(productListSchema, 'A page of products'), ...errors(400), ...forbidden },
  });
  registry.registerPath({
    method: 'post',
    path: '/products',
    operationId: 'createProduct',
    summary: 'Add a product to the catalog',
    description:
      'Images (1–6, the first is the one try-ons use) are base64, a data: URI or an https URL; the same fields may be sent as multipart/form-data with `images` files. Owners and admins only.',
    tags,
    security,
    request: { body: { content: { 'application/json': { schema: createProductBody } } } },
    responses: {
      201: { ...json(productSchema, 'The new product'), links },
      ...errors(400),
      ...forbidden,
      409: err('sku_taken: another product of the organisation has this SKU'),
      ...imageRefused,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/products/{id}',
    operationId: 'getProduct',
    summary: 'Read a product',
    tags,
    security,
    request: { params: productIdParam },
    responses: { 200: json(productSchema, 'The product'), ...forbidden, ...notFound },
  });
  registry.registerPath({
    method: 'patch',
    path: '/products/{id}',
    operationId: 'updateProduct',
    summary: 'Change a product: fields, images (asset:<id> keeps one), or switch it on or off',
    tags,
    security,
    request: {
      params: productIdParam,
      body: { content: { 'application/json': { schema: updateProductBody } } },
    },
    responses: {
      200: json(productSchema, 'The product'),
      ...errors(400),
      ...forbidden,
      ...notFound,
      409: err('sku_taken: another product of the organisation has this SKU'),
      ...imageRefused,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/products/{id}',
    operationId: 'deleteProduct',
    summary: 'Remove a product (its try-ons stay in history with the SKU)',
    tags,
    security,
    request: { params: productIdParam },
    responses: {
      200: json(deleteProductResponseSchema, 'Deleted'),
      ...forbidden,
      ...notFound,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/products/import',
    operationId: 'importProducts',
    summary: 'Create or update products from a CSV file',
    description: `A header row, then one product per row; columns ${IMPORT_COLUMNS.join(', ')} (sku, name and category required; image_url may list several URLs separated by |). A row whose SKU exists updates that product; valid rows are applied and each refused row is reported. At most 1 MB and ${MAX_IMPORT_ROWS} rows. Send text/csv, or multipart/form-data with a \`file\` field.`,
    tags,
    security,
    request: {
      body: {
        required: true,
        content: {
          'text/csv': {
            schema: z.string().meta({
              example:
                'sku,name,category,image_url,product_url,family,active\nTEE-1,Classic tee,top,https://shop.example/tee.jpg,https://shop.example/tee,classic-tee,true\n',
            }),
          },
        },
      },
    },
    responses: {
      200: json(importResultSchema, 'What was created, updated and refused'),
      ...errors(400),
      ...forbidden,
      413: err('payload_too_large: the file is larger than 1 MB'),
      422: err('csv_invalid: not CSV, a required column missing from the header, or too many rows'),
    },
  });
}
