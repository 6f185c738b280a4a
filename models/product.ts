import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { PRODUCT_CATEGORIES, type ProductCategory } from './enums';

export { PRODUCT_CATEGORIES, type ProductCategory };

/** At most this many images per product (the first is the one a try-on uses). */
export const MAX_PRODUCT_IMAGES = 6;

/**
 * A garment in an organisation's catalog (lib/products). Its images are
 * ordinary assets owned by the organisation; a try-on that names the product
 * uses the first one as its garment photo. `skuKey` (`<orgId>:<sku>`) is
 * unique; the per-request lookup by SKU goes through `product_skus`, whose
 * `_id` is that key, so it is a read by `_id` alone.
 */
const productSchema = new Schema(
  {
    orgId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    sku: { type: String, required: true, minlength: 1, maxlength: 64 },
    skuKey: { type: String, required: true, maxlength: 100 },
    name: { type: String, required: true, trim: true, minlength: 1, maxlength: 200 },
    category: { type: String, enum: PRODUCT_CATEGORIES, required: true },
    images: {
      type: [{ type: Schema.Types.ObjectId, ref: 'Asset' }],
      validate: {
        validator: (v: unknown[]) => v.length >= 1 && v.length <= MAX_PRODUCT_IMAGES,
        message: `a product has 1 to ${MAX_PRODUCT_IMAGES} images`,
      },
    },
    /** The URLs a CSV import fetched the images from: a re-import with the same URLs fetches nothing. */
    imageSourceUrls: { type: [String], default: undefined },
    productUrl: { type: String, maxlength: 2048 },
    /** Groups sizes and colours of one garment ("try another size/colour"). */
    family: { type: String, trim: true, maxlength: 100 },
    active: { type: Boolean, required: true, default: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true, collection: 'products' },
);

productSchema.index({ skuKey: 1 }, { unique: true });
productSchema.index({ orgId: 1, createdAt: -1 });
productSchema.index({ orgId: 1, family: 1 });
// Retention asks "does a product still use this image?" (lib/storage/find-referenced-assets).
productSchema.index({ images: 1 });

export type ProductDoc = InferSchemaType<typeof productSchema> & { _id: mongoose.Types.ObjectId };
productSchema.plugin(connectFirst);

export const Product: Model<InferSchemaType<typeof productSchema>> =
  (mongoose.models.Product as Model<InferSchemaType<typeof productSchema>>) ??
  mongoose.model('Product', productSchema);

/**
 * The SKU index: `_id` = `<orgId>:<sku>` → the product. Claimed (inserted)
 * before a product takes the SKU, so two concurrent creates of one SKU
 * serialise on the `_id` index on every engine; the product's own unique
 * `skuKey` is the second guard.
 */
const productSkuSchema = new Schema(
  {
    _id: { type: String, required: true },
    productId: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
  },
  { timestamps: true, collection: 'product_skus' },
);

export type ProductSkuDoc = InferSchemaType<typeof productSkuSchema>;
productSkuSchema.plugin(connectFirst);

export function productSkuKey(orgId: string, sku: string): string {
  return `${orgId}:${sku}`;
}

export const ProductSku: Model<InferSchemaType<typeof productSkuSchema>> =
  (mongoose.models.ProductSku as Model<InferSchemaType<typeof productSkuSchema>>) ??
  mongoose.model('ProductSku', productSkuSchema);
