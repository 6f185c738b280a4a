import { AppError } from '@/lib/errors';
import type { TryonMode } from '@/models/enums';
import type { ImageRef } from './tryon-submission';

/**
 * A try-on that names a catalog product (`product_id` or `sku`) instead of
 * sending the garment photo: the product's first image fills the garment
 * slot its category names — a top's or a one-piece's `top_image`, a
 * bottom's `bottom_image` (in a full outfit, with the top sent as usual).
 */

/** The catalog product a job was made with (recorded on the job). */
export interface TryonProductRef {
  id: string;
  sku: string;
}

/** What the try-on needs of a resolved product (lib/products' TryonProduct has it). */
export interface ProductForTryon extends TryonProductRef {
  category: 'top' | 'bottom' | 'one_piece';
  /** The organisation's asset used as the garment photo. */
  imageId: string;
}

/** Looks the product up for the caller's organisation (the route decides how). */
export type ResolveTryonProductFn = (ref: {
  productId?: string;
  sku?: string;
}) => Promise<ProductForTryon>;

function invalid(path: string, message: string): AppError {
  return new AppError('validation_error', `${path}: ${message}`, {
    details: [{ path, message }],
  });
}

const MODES_FOR: Record<ProductForTryon['category'], readonly TryonMode[]> = {
  top: ['top', 'full'],
  bottom: ['full'],
  one_piece: ['one_piece'],
};

/**
 * The garment images of a try-on with a product: the product's image in its
 * slot, the request's image (if any) in the other. Refuses (400) a mode the
 * product's category does not fit and an image sent for the product's slot.
 */
export function productGarments<I>(
  mode: TryonMode,
  given: { top?: I | undefined; bottom?: I | undefined },
  product: ProductForTryon,
): { top: I | ImageRef; bottom?: I | ImageRef } {
  if (!MODES_FOR[product.category].includes(mode)) {
    throw invalid(
      'mode',
      `the product “${product.sku}” is a ${product.category.replace('_', '-')}: use mode ${MODES_FOR[
        product.category
      ]
        .map((m) => `"${m}"`)
        .join(' or ')}`,
    );
  }
  const image: ImageRef = { ref: 'asset', id: product.imageId };
  // A full outfit needs both garments; the other modes take no bottom.
  if (mode === 'full' && product.category === 'top' && given.bottom === undefined)
    throw invalid('bottom_image', 'is required when mode is "full"');
  if (mode !== 'full' && given.bottom !== undefined)
    throw invalid('bottom_image', `must be omitted when mode is "${mode}"`);
  if (product.category === 'bottom') {
    if (given.bottom !== undefined)
      throw invalid('bottom_image', 'must be omitted: the product is the bottom');
    if (given.top === undefined) throw invalid('top_image', 'is required with a bottom product');
    return { top: given.top, bottom: image };
  }
  if (given.top !== undefined)
    throw invalid('top_image', 'must be omitted: the product is the garment');
  return { top: image, ...(given.bottom !== undefined ? { bottom: given.bottom } : {}) };
}

/** The request fields a try-on names a product with. */
export interface ProductNamingFields<I> {
  mode: TryonMode;
  user_image: I;
  top_image?: I | undefined;
  bottom_image?: I | undefined;
  product_id?: string | undefined;
  sku?: string | undefined;
}

/**
 * A parsed try-on request's images: as sent, or with the named product's
 * image in its slot (resolved by the route for the caller's organisation).
 * A request that names a product where no resolver is given is refused.
 */
export async function submissionGarments<I>(
  parsed: ProductNamingFields<I>,
  resolve: ResolveTryonProductFn | undefined,
): Promise<{
  images: { user: I | ImageRef; top: I | ImageRef; bottom?: I | ImageRef };
  product?: TryonProductRef;
}> {
  if (parsed.product_id === undefined && parsed.sku === undefined) {
    // The schema requires top_image when no product is named.
    if (parsed.top_image === undefined) throw invalid('top_image', 'is required');
    return {
      images: {
        user: parsed.user_image,
        top: parsed.top_image,
        ...(parsed.bottom_image !== undefined ? { bottom: parsed.bottom_image } : {}),
      },
    };
  }
  if (!resolve) throw invalid('product_id', 'is not accepted here');
  const product = await resolve({
    ...(parsed.product_id !== undefined ? { productId: parsed.product_id } : {}),
    ...(parsed.sku !== undefined ? { sku: parsed.sku } : {}),
  });
  const garments = productGarments(
    parsed.mode,
    { top: parsed.top_image, bottom: parsed.bottom_image },
    product,
  );
  return {
    images: { user: parsed.user_image, ...garments },
    product: { id: product.id, sku: product.sku },
  };
}

/** The job fields that record the product (none without one). */
export function productFields(product: TryonProductRef | undefined): {
  productId?: string;
  sku?: string;
} {
  return product ? { productId: product.id, sku: product.sku } : {};
}
