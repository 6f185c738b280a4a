import '@/lib/zod-jitless';
import { z } from 'zod';
import { cursorSchema, withPagination } from '@/lib/api/list';
import { imageInputSchema } from '@/lib/tryon/schemas';
import { PRODUCT_CATEGORIES, type ProductCategory } from '@/models/enums';

/**
 * Request and response shapes of /api/v1/products. Browser-safe (zod only):
 * the catalog forms validate with the same schemas as the routes, and the
 * OpenAPI document is generated from them.
 */
export { PRODUCT_CATEGORIES, type ProductCategory };

export const MAX_PRODUCT_IMAGES = 6;
/** CSV import limits: the body and the data rows (the header row not counted). */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 1000;

/** Printable ASCII, 1–64 characters, no space at either end (it goes in a data- attribute). */
export const skuSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'is at most 64 characters')
  .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII')
  .meta({
    description: 'Your stock-keeping unit, unique in the organisation',
    example: 'TEE-001-M',
  });

/** `top`, `bottom` or `one_piece` (`one-piece` is accepted and stored as `one_piece`). */
export const productCategorySchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase().replace('-', '_') : v),
  z.enum(PRODUCT_CATEGORIES, { error: 'must be top, bottom or one-piece' }),
);

/** Names the category as people write it ("one-piece"). */
export function categoryLabel(category: ProductCategory): string {
  return category === 'one_piece' ? 'One-piece' : category === 'top' ? 'Top' : 'Bottom';
}

export const productNameSchema = z.string().trim().min(1, 'is required').max(200);

/** The product page on the shop's site: https (http only outside production is not offered). */
export const productUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be an https URL')
  .meta({ example: 'https://shop.example/products/tee' });

export const productFamilySchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .meta({ description: 'Groups sizes and colours of one garment', example: 'classic-tee' });

/** One of the product's own images, kept as it is (PATCH, the edit form). */
export const productImageRefSchema = z
  .string()
  .regex(/^asset:[0-9a-f]{24}$/, 'must be asset:<id> of one of your images');

/** A new image (base64, data: URI or https URL) or `asset:<id>` of one of the organisation's images. */
export const productImageInputSchema = z.union([productImageRefSchema, imageInputSchema]);

const imagesField = z
  .array(productImageInputSchema)
  .min(1, 'give at least one image')
  .max(MAX_PRODUCT_IMAGES, `at most ${MAX_PRODUCT_IMAGES} images`)
  .meta({
    description:
      'The garment photos, first one used for try-ons: base64, a data: URI, an https URL, or asset:<id> to keep an image the product already has',
  });

export const createProductBody = z
  .object({
    sku: skuSchema,
    name: productNameSchema,
    category: productCategorySchema,
    images: imagesField,
    product_url: productUrlSchema.optional(),
    family: productFamilySchema.optional(),
    active: z.boolean().optional().meta({ description: 'Default true' }),
  })
  .strict()
  .meta({ id: 'CreateProduct' });
export type CreateProductBody = z.infer<typeof createProductBody>;

export const updateProductBody = z
  .object({
    sku: skuSchema.optional(),
    name: productNameSchema.optional(),
    category: productCategorySchema.optional(),
    images: imagesField.optional(),
    product_url: productUrlSchema.nullable().optional().meta({ description: 'null clears it' }),
    family: productFamilySchema.nullable().optional().meta({ description: 'null clears it' }),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'change at least one field')
  .meta({ id: 'UpdateProduct', minProperties: 1 });
export type UpdateProductBody = z.infer<typeof updateProductBody>;

/** Any string: a malformed id answers 404 from the lookup, like another organisation's product. */
export const productIdParam = z.object({ id: z.string().meta({ description: 'Product id' }) });

const boolQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

/** GET /products: newest first, keyset pages (`starting_after`/`ending_before`), filters. */
export const listProductsQuery = withPagination(
  z.object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    starting_after: cursorSchema.optional(),
    ending_before: cursorSchema.optional(),
    active: boolQuery.meta({ description: 'Only active (true) or inactive (false) products' }),
    category: z.enum(PRODUCT_CATEGORIES).optional(),
    family: productFamilySchema.optional(),
    q: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Part of the SKU or name (case-insensitive)' }),
  }),
);
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

export const productImageSchema = z.object({
  id: z.string(),
  url: z.string().meta({ description: 'A signed link to the image, valid for at least an hour' }),
});

export const productSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    category: z.enum(PRODUCT_CATEGORIES),
    images: z.array(productImageSchema),
    product_url: z.string().nullable(),
    family: z.string().nullable(),
    active: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Product' });
export type ProductView = z.infer<typeof productSchema>;

export const productListSchema = z.object({
  data: z.array(productSchema),
  limit: z.number().int(),
  has_more: z.boolean(),
  next_cursor: z.string().nullable().meta({
    description:
      'Pass as starting_after for the next (older) page; null when there is none. On an ending_before page, pass as ending_before to go on towards newer products.',
  }),
});
export type ProductList = z.infer<typeof productListSchema>;

export const deleteProductResponseSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
});

/** A refused CSV row: `row` counts as a spreadsheet does (the header is row 1). */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  sku: z.string().nullable(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importResultSchema = z
  .object({
    rows: z.number().int().meta({ description: 'Data rows read (the header not counted)' }),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    errors: z.array(importRowErrorSchema),
  })
  .meta({ id: 'ProductImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;

/** The CSV columns: `sku`, `name`, `category` are required; the others optional. */
export const IMPORT_COLUMNS = [
  'sku',
  'name',
  'category',
  'image_url',
  'product_url',
  'family',
  'active',
] as const;
export const REQUIRED_IMPORT_COLUMNS = ['sku', 'name', 'category'] as const;
