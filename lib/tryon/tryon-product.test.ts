import { describe, expect, it } from 'vitest';
import { productGarments, submissionGarments, type ProductForTryon } from './tryon-product';

const product = (category: ProductForTryon['category']): ProductForTryon => ({
  id: '0123456789abcdef01234567',
  sku: 'SKU-1',
  category,
  imageId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
});
const image = { ref: 'asset', id: 'aaaaaaaaaaaaaaaaaaaaaaaa' };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  }
};

describe('productGarments', () => {
  it('puts the product image in the slot its category names', () => {
    expect(productGarments('top', {}, product('top'))).toEqual({ top: image });
    expect(productGarments('full', { bottom: 'B' }, product('top'))).toEqual({
      top: image,
      bottom: 'B',
    });
    expect(productGarments('full', { top: 'T' }, product('bottom'))).toEqual({
      top: 'T',
      bottom: image,
    });
    expect(productGarments('one_piece', {}, product('one_piece'))).toEqual({ top: image });
  });

  it.each([
    ['top', {}, 'one_piece', 'mode: the product “SKU-1” is a one-piece: use mode "one_piece"'],
    ['top', {}, 'bottom', 'mode: the product “SKU-1” is a bottom: use mode "full"'],
    ['one_piece', {}, 'top', 'mode: the product “SKU-1” is a top: use mode "top" or "full"'],
    ['top', { top: 'T' }, 'top', 'top_image: must be omitted: the product is the garment'],
    ['full', {}, 'top', 'bottom_image: is required when mode is "full"'],
    ['top', { bottom: 'B' }, 'top', 'bottom_image: must be omitted when mode is "top"'],
    ['full', {}, 'bottom', 'top_image: is required with a bottom product'],
    [
      'full',
      { top: 'T', bottom: 'B' },
      'bottom',
      'bottom_image: must be omitted: the product is the bottom',
    ],
  ] as const)('mode %s with %j and a %s product is refused', (mode, given, category, message) => {
    expect(codeOf(() => productGarments(mode, given, product(category)))).toBe(
      `validation_error: ${message}`,
    );
  });
});

describe('submissionGarments', () => {
  it('keeps a request without a product as sent, and refuses a product where none can be resolved', async () => {
    expect(
      await submissionGarments({ mode: 'top', user_image: 'U', top_image: 'T' }, undefined),
    ).toEqual({ images: { user: 'U', top: 'T' } });
    await expect(
      submissionGarments({ mode: 'top', user_image: 'U', sku: 'X' }, undefined),
    ).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('resolves the product and records it', async () => {
    const seen: unknown[] = [];
    const out = await submissionGarments({ mode: 'top', user_image: 'U', sku: 'SKU-1' }, (ref) => {
      seen.push(ref);
      return Promise.resolve(product('top'));
    });
    expect(seen).toEqual([{ sku: 'SKU-1' }]);
    expect(out).toEqual({
      images: { user: 'U', top: image },
      product: { id: '0123456789abcdef01234567', sku: 'SKU-1' },
    });
  });
});
