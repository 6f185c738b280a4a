export * from './schemas';
export { requireProductAccess, type ProductActor } from './require-product-access';
export { serializeProduct, productImageUrl } from './serialize';
export { getProductOrThrow, productNotFound } from './get-product-or-throw';
export { getProduct } from './get-product';
export { findProductBySku } from './find-product-by-sku';
export { listProducts, productListFilter } from './list-products';
export { createProduct, type CreateProductInput } from './create-product';
export { updateProduct, type UpdateProductInput } from './update-product';
export { setProductActive } from './set-product-active';
export { deleteProduct } from './delete-product';
export { claimSku, releaseSku } from './claim-sku';
export {
  storeProductImages,
  productImageSource,
  type ProductImageSource,
} from './store-product-images';
export { importProductsCsv, type ImportProductsCsvOptions } from './import-products-csv';
export {
  resolveTryonProduct,
  toTryonProduct,
  type TryonProduct,
  type ResolveTryonProductInput,
} from './resolve-tryon-product';
export { tryonProductResolver } from './tryon-product-resolver';
