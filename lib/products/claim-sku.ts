import { Types } from 'mongoose';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { Product, ProductSku, productSkuKey } from '@/models/product';

/** A claim without its product for this long is left over from a create that died. */
const STALE_CLAIM_MS = 10 * 60 * 1000;

export const skuTaken = (sku: string) =>
  new AppError('sku_taken', `Another product already has the SKU “${sku}”`, {
    details: { field: 'sku', sku },
  });

/**
 * Claims `sku` in the organisation for `productId` by inserting its index
 * entry (`_id` = `<orgId>:<sku>`): of two concurrent claims exactly one
 * wins, on MongoDB and on FerretDB alike. A claim left behind by a create
 * that died before its product was written (or pointing at a product that
 * no longer has the SKU) is taken over once it is ten minutes old; a live one answers 409 `sku_taken`.
 */
export async function claimSku(
  orgId: string,
  sku: string,
  productId: Types.ObjectId,
): Promise<void> {
  const _id = productSkuKey(orgId, sku);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await ProductSku.create({ _id, productId });
      return;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const held = await ProductSku.findById(_id).lean<{
      productId: Types.ObjectId;
      createdAt?: Date;
    }>();
    if (!held) continue;
    if (held.productId.equals(productId)) return;
    // A fresh claim may belong to a create still storing its images: never taken over.
    if (Date.now() - (held.createdAt?.getTime() ?? 0) < STALE_CLAIM_MS) throw skuTaken(sku);
    const owner = await Product.findById(held.productId, { skuKey: 1 }).lean<{ skuKey: string }>();
    // The claim is live while its product exists and still carries this SKU.
    if (owner?.skuKey === _id) throw skuTaken(sku);
    // Stale: remove exactly that claim (a concurrent take-over may have replaced it) and retry.
    await ProductSku.deleteOne({ _id, productId: held.productId });
  }
  throw skuTaken(sku);
}

/** Frees a claim, only if `productId` holds it. */
export async function releaseSku(
  orgId: string,
  sku: string,
  productId: Types.ObjectId,
): Promise<void> {
  await ProductSku.deleteOne({ _id: productSkuKey(orgId, sku), productId });
}
