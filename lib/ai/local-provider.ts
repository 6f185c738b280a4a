import { setTimeout as sleep } from 'node:timers/promises';
import sharp, { type OverlayOptions } from 'sharp';
import { localProviderDelayMs } from '@/lib/env';
import { ProviderError } from './provider-error';
import type { ProviderFn, TryOnRequest } from './types';

/**
 * `local` provider: a deterministic sharp compositor for machines without
 * model keys (development, tests, demos). It lays the garment photo(s) over
 * the torso (and legs) region of the person photo through a feathered
 * mask and stamps a "PREVIEW" label, so nobody mistakes it for a model's
 * output. No network, no randomness, no fonts: the same input gives
 * byte-identical output on a given sharp/libvips build.
 *
 * Test hook (the only one): a top garment that is a solid magenta image
 * (#FF00FF; every pixel within ±16 of it, to survive lossy WebP) makes the
 * provider throw a final ProviderError `injected_failure`. End-to-end tests
 * upload such an image to exercise the failure and refund path.
 */

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Regions as fractions of the person photo, where a standing figure's torso/legs usually are. */
const REGIONS = {
  top: { left: 0.22, top: 0.24, width: 0.56, height: 0.36 },
  fullTop: { left: 0.22, top: 0.22, width: 0.56, height: 0.32 },
  fullBottom: { left: 0.26, top: 0.53, width: 0.48, height: 0.4 },
} as const;

function toPixels(
  f: { left: number; top: number; width: number; height: number },
  w: number,
  h: number,
): Region {
  return {
    left: Math.round(f.left * w),
    top: Math.round(f.top * h),
    width: Math.max(1, Math.round(f.width * w)),
    height: Math.max(1, Math.round(f.height * h)),
  };
}

export async function isInjectedFailureImage(image: Buffer): Promise<boolean> {
  const { channels } = await sharp(image).removeAlpha().toColourspace('srgb').stats();
  const [r, g, b] = channels;
  if (!r || !g || !b) return false;
  return r.min >= 239 && g.max <= 16 && b.min >= 239;
}

/** Garment scaled to cover the region, with a feathered elliptical alpha mask. */
async function garmentLayer(garment: Buffer, region: Region): Promise<Buffer> {
  const { width, height } = region;
  const feather = Math.max(2, Math.round(Math.min(width, height) * 0.06));
  const mask = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect x="${feather}" y="${feather}" width="${width - 2 * feather}" height="${height - 2 * feather}" ` +
      `rx="${Math.round(width * 0.22)}" ry="${Math.round(height * 0.18)}" fill="#fff" fill-opacity="0.9"/></svg>`,
  );
  const alpha = await sharp(mask)
    .blur(feather / 2)
    .extractChannel(3)
    .toBuffer();
  // Two pipelines: sharp applies removeAlpha late, which would drop the joined mask.
  const rgb = await sharp(garment)
    .removeAlpha()
    .resize(width, height, { fit: 'cover', position: 'centre' })
    .toColourspace('srgb')
    .png()
    .toBuffer();
  return sharp(rgb).joinChannel(alpha).png().toBuffer();
}

// 5×7 bitmap glyphs: font-free, so the label renders identically everywhere.
const GLYPHS: Record<string, string[]> = {
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  R: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  V: ['10001', '10001', '10001', '10001', '10001', '01010', '00100'],
  I: ['01110', '00100', '00100', '00100', '00100', '00100', '01110'],
  W: ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
};

function labelSvg(text: string, scale: number): { svg: Buffer; width: number; height: number } {
  const pad = 3 * scale;
  const advance = 6 * scale;
  const width = pad * 2 + text.length * advance - scale;
  const height = pad * 2 + 7 * scale;
  let rects = '';
  [...text].forEach((ch, i) => {
    (GLYPHS[ch] ?? []).forEach((row, y) => {
      [...row].forEach((bit, x) => {
        if (bit === '1') {
          rects += `<rect x="${pad + i * advance + x * scale}" y="${pad + y * scale}" width="${scale}" height="${scale}"/>`;
        }
      });
    });
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" rx="${scale * 2}" fill="#111827" fill-opacity="0.78"/>` +
    `<g fill="#ffffff">${rects}</g></svg>`;
  return { svg: Buffer.from(svg), width, height };
}

export async function composeLocalTryOn(
  req: Pick<TryOnRequest, 'mode' | 'person' | 'top' | 'bottom'>,
): Promise<Buffer> {
  const base = sharp(req.person).removeAlpha().toColourspace('srgb');
  const { width = 0, height = 0 } = await sharp(req.person).metadata();
  if (!width || !height) throw new Error('person image has no dimensions');

  const layers: OverlayOptions[] = [];
  if (req.mode === 'full' && req.bottom) {
    const bottom = toPixels(REGIONS.fullBottom, width, height);
    layers.push({
      input: await garmentLayer(req.bottom, bottom),
      left: bottom.left,
      top: bottom.top,
    });
    const top = toPixels(REGIONS.fullTop, width, height);
    layers.push({ input: await garmentLayer(req.top, top), left: top.left, top: top.top });
  } else {
    const top = toPixels(REGIONS.top, width, height);
    layers.push({ input: await garmentLayer(req.top, top), left: top.left, top: top.top });
  }
  const scale = Math.max(2, Math.round(Math.min(width, height) / 160));
  const label = labelSvg('PREVIEW', scale);
  const margin = scale * 4;
  layers.push({ input: label.svg, left: margin, top: Math.max(0, height - label.height - margin) });

  return base.composite(layers).png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
}

export const localProvider: ProviderFn = async (req) => {
  if (req.signal?.aborted)
    throw new ProviderError('local', 'canceled', 'The request was canceled', { retryable: false });
  if (await isInjectedFailureImage(req.top)) {
    throw new ProviderError(
      'local',
      'injected_failure',
      'Injected failure: the top garment is solid magenta (#FF00FF)',
      {
        retryable: false,
      },
    );
  }
  if (localProviderDelayMs > 0) {
    // Simulated model latency (LOCAL_PROVIDER_DELAY_MS), cut short by cancellation.
    await sleep(localProviderDelayMs, undefined, req.signal ? { signal: req.signal } : {}).catch(
      () => {
        throw new ProviderError('local', 'canceled', 'The request was canceled', {
          retryable: false,
        });
      },
    );
  }
  try {
    return { image: await composeLocalTryOn(req), mimeType: 'image/png' };
  } catch (err) {
    throw new ProviderError(
      'local',
      'input_refused',
      'The local compositor could not read the images',
      {
        retryable: false,
        cause: err,
      },
    );
  }
};
