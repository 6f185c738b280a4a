import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { decodeImageInput, isImageUrl } from './decode-image-input';
import { solid } from '@/lib/testing/image-fixtures';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('expected a refusal');
}

describe('decodeImageInput', () => {
  it('decodes plain base64, with line breaks, URL-safe, and data: URIs to the same bytes', async () => {
    const png = await solid(300, 300, '#ff8800');
    const b64 = png.toString('base64');
    expect(decodeImageInput(b64).equals(png)).toBe(true);
    expect(decodeImageInput(b64.replace(/(.{76})/g, '$1\r\n')).equals(png)).toBe(true);
    expect(decodeImageInput(png.toString('base64url')).equals(png)).toBe(true);
    expect(decodeImageInput(`data:image/png;base64,${b64}`).equals(png)).toBe(true);
    expect(decodeImageInput(`DATA:image/png;name=x.png;BASE64,${b64}`).equals(png)).toBe(true);
    // The declared type is not trusted either way: the bytes are sniffed later.
    expect(decodeImageInput(`data:;base64,${b64}`).equals(png)).toBe(true);
  });

  it('refuses what is not base64 with invalid_image_encoding (400)', () => {
    expect(codeOf(() => decodeImageInput(''))).toBe('invalid_image_encoding');
    expect(codeOf(() => decodeImageInput('   '))).toBe('invalid_image_encoding');
    expect(codeOf(() => decodeImageInput('not base64 at all!'))).toBe('invalid_image_encoding');
    expect(codeOf(() => decodeImageInput('abcde'))).toBe('invalid_image_encoding'); // impossible length
    expect(codeOf(() => decodeImageInput('ab=c'))).toBe('invalid_image_encoding'); // padding inside
    expect(codeOf(() => decodeImageInput('data:image/png;base64,'))).toBe('invalid_image_encoding');
    expect(codeOf(() => decodeImageInput('data:image/png,rawbytes'))).toBe(
      'invalid_image_encoding',
    ); // not base64
    expect(codeOf(() => decodeImageInput('data:image/png;base64'))).toBe('invalid_image_encoding'); // no comma
    const err = (() => {
      try {
        decodeImageInput('%%%');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.status).toBe(400);
  });

  it('refuses a data: URI that declares a non-image type', () => {
    expect(
      codeOf(() =>
        decodeImageInput(`data:text/html;base64,${Buffer.from('<script>').toString('base64')}`),
      ),
    ).toBe('unsupported_image_type');
  });

  it('refuses an oversized payload from its length, before decoding', () => {
    const huge = 'A'.repeat(Math.ceil((11 * 1024 * 1024 * 4) / 3));
    expect(codeOf(() => decodeImageInput(huge))).toBe('image_too_large');
    expect(codeOf(() => decodeImageInput(`data:image/jpeg;base64,${huge}`))).toBe(
      'image_too_large',
    );
    // A caller-specific limit is honoured exactly.
    const kb = Buffer.alloc(2048, 1).toString('base64');
    expect(codeOf(() => decodeImageInput(kb, { maxBytes: 1024 }))).toBe('image_too_large');
    expect(decodeImageInput(kb, { maxBytes: 2048 }).byteLength).toBe(2048);
  });

  it('tells URLs from inline data', () => {
    expect(isImageUrl('https://example.com/a.png')).toBe(true);
    expect(isImageUrl('  HTTP://localhost/a.png')).toBe(true);
    expect(isImageUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isImageUrl('iVBORw0KGgo=')).toBe(false);
  });
});
