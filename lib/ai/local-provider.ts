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
 * output. A one-piece garment covers shoulders to legs. No network, no
 * randomness, no fonts: the same input (and seed: seedJitter moves the garment
 * a little per seed, so the samples of one request differ) gives
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
  /** A dress or jumpsuit: one garment from the shoulders down over the legs. */
  onePiece: { left: 0.22, top: 0.22, width: 0.56, height: 0.68 },
} as const;

/**
 * A seed's small, stable variation (several samples of one request differ, the same seed
 * gives the same picture): the garment region shifts by up to ±3 % of the photo and its
 * size by up to ±4 %. Without a seed, none.
 */
export function seedJitter(seed: number | undefined): { dx: number; dy: number; scale: number } {
  if (seed === undefined) return { dx: 0, dy: 0, scale: 1 };
  // A small integer hash (mulberry32's mixing step): spreads consecutive seeds apart.
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  const v = (u * 7919) % 1;
  const w = (u * 104729) % 1;
  return { dx: (u - 0.5) * 0.06, dy: (v - 0.5) * 0.06, scale: 1 + (w - 0.5) * 0.08 };
}

function jittered(
  f: { left: number; top: number; width: number; height: number },
  j: { dx: number; dy: number; scale: number },
) {
  const width = f.width * j.scale;
  const height = f.height * j.scale;
  const clamp = (x: number, size: number) => Math.min(Math.max(0, x), 1 - size);
  return {
    left: clamp(f.left + j.dx - (width - f.width) / 2, width),
    top: clamp(f.top + j.dy - (height - f.height) / 2, height),
    width: Math.min(width, 1),
    height: Math.min(height, 1),
  };
}

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
  req: Pick<TryOnRequest, 'mode' | 'person' | 'top' | 'bottom' | 'seed'>,
): Promise<Buffer> {
  const j = seedJitter(req.seed);
  const base = sharp(req.person).removeAlpha().toColourspace('srgb');
  const { width = 0, height = 0 } = await sharp(req.person).metadata();
  if (!width || !height) throw new Error('person image has no dimensions');

  const layers: OverlayOptions[] = [];
  if (req.mode === 'full' && req.bottom) {
    const bottom = toPixels(jittered(REGIONS.fullBottom, j), width, height);
    layers.push({
      input: await garmentLayer(req.bottom, bottom),
      left: bottom.left,
      top: bottom.top,
    });
    const top = toPixels(jittered(REGIONS.fullTop, j), width, height);
    layers.push({ input: await garmentLayer(req.top, top), left: top.left, top: top.top });
  } else if (req.mode === 'one_piece') {
    const dress = toPixels(jittered(REGIONS.onePiece, j), width, height);
    layers.push({ input: await garmentLayer(req.top, dress), left: dress.left, top: dress.top });
  } else {
    const top = toPixels(jittered(REGIONS.top, j), width, height);
    layers.push({ input: await garmentLayer(req.top, top), left: top.left, top: top.top });
  }
  const scale = Math.max(2, Math.round(Math.min(width, height) / 160));
  const label = labelSvg('PREVIEW', scale);
  const margin = scale * 4;
  layers.push({ input: label.svg, left: margin, top: Math.max(0, height - label.height - margin) });

  return base.composite(layers).png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
}

/** How long `x-trailroom-simulate: slow` holds a test job in processing. */
export const SIMULATED_SLOW_MS = 5000;

export const localProvider: ProviderFn = async (req) => {
  if (req.signal?.aborted)
    throw new ProviderError('local', 'canceled', 'The request was canceled', { retryable: false });
  if (req.simulate === 'failure')
    throw new ProviderError(
      'local',
      'injected_failure',
      'Simulated failure (x-trailroom-simulate)',
      {
        retryable: false,
      },
    );
  if (req.simulate === 'safety_block')
    throw new ProviderError(
      'local',
      'safety_blocked',
      'Simulated safety block (x-trailroom-simulate)',
      {
        retryable: false,
      },
    );
  if (req.simulate === 'slow')
    await sleep(SIMULATED_SLOW_MS, undefined, req.signal ? { signal: req.signal } : {}).catch(
      () => {
        throw new ProviderError('local', 'canceled', 'The request was canceled', {
          retryable: false,
        });
      },
    );
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
