import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { normalizeImage } from '@/lib/images';
import { photoLikeJpeg, solid } from '@/lib/testing/image-fixtures';
import { generateTryOn } from './generate-try-on';
import { isInjectedFailureImage } from './local-provider';
import { ProviderError, errorFromStatus } from './provider-error';
import { LOCAL_MODEL, resolveProviderForMode, type ProviderSettings } from './resolve-provider';
import type { TryOnRequest } from './types';

let person: Buffer;
let top: Buffer;
let bottom: Buffer;

beforeAll(async () => {
  // Inputs as the engine sees them: normalised WebP.
  person = (await normalizeImage(await photoLikeJpeg(800, 1200))).data;
  top = (await normalizeImage(await solid(600, 600, '#1e50dc'))).data;
  bottom = (await normalizeImage(await solid(600, 800, '#dc8c1e'))).data;
}, 60_000);

function request(over: Partial<TryOnRequest> = {}): TryOnRequest {
  return {
    provider: 'local',
    model: LOCAL_MODEL,
    systemPrompt: 's',
    instruction: 'i',
    mode: 'top',
    person,
    top,
    ...over,
  };
}

async function pixel(img: Buffer, fx: number, fy: number): Promise<number[]> {
  const { data, info } = await sharp(img).raw().toBuffer({ resolveWithObject: true });
  const i =
    (Math.round(fy * info.height) * info.width + Math.round(fx * info.width)) * info.channels;
  return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1];
}

function near(a: number[], b: number[], tol: number) {
  a.forEach((v, i) => expect(Math.abs(v - (b[i] ?? 0))).toBeLessThanOrEqual(tol));
}

describe('local provider', { timeout: 30_000 }, () => {
  it('is deterministic: the same input gives byte-identical output', async () => {
    const a = await generateTryOn(request());
    const b = await generateTryOn(request());
    expect(a.image.equals(b.image)).toBe(true);
    expect(a).toMatchObject({ provider: 'local', model: LOCAL_MODEL, mimeType: 'image/png' });
    expect(a.latencyMs).toBeGreaterThanOrEqual(0);
    const full1 = await generateTryOn(request({ mode: 'full', bottom }));
    const full2 = await generateTryOn(request({ mode: 'full', bottom }));
    expect(full1.image.equals(full2.image)).toBe(true);
    expect(full1.image.equals(a.image)).toBe(false);
  });

  it('keeps the person photo size and lays the garment over the torso (and the bottom over the legs)', async () => {
    const top1 = await generateTryOn(request());
    const meta = await sharp(top1.image).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([800, 1200, 'png']);
    near(await pixel(top1.image, 0.5, 0.42), [30, 80, 220], 40); // torso centre ≈ garment colour
    const full = await generateTryOn(request({ mode: 'full', bottom }));
    near(await pixel(full.image, 0.5, 0.38), [30, 80, 220], 40);
    near(await pixel(full.image, 0.5, 0.73), [220, 140, 30], 40);
    // Outside the regions the person photo is untouched.
    near(await pixel(full.image, 0.95, 0.05), await pixel(person, 0.95, 0.05), 2);
  });

  it('lays a one-piece garment from the shoulders over the legs', async () => {
    const dress = await generateTryOn(request({ mode: 'one_piece' }));
    near(await pixel(dress.image, 0.5, 0.35), [30, 80, 220], 40);
    near(await pixel(dress.image, 0.5, 0.75), [30, 80, 220], 40);
    // A top alone leaves the legs as they were.
    const topOnly = await generateTryOn(request());
    near(await pixel(topOnly.image, 0.5, 0.75), await pixel(person, 0.5, 0.75), 2);
  });

  it('a seed varies the picture a little and stably: same seed same bytes, another seed other bytes', async () => {
    const a = await generateTryOn(request({ mode: 'one_piece', seed: 41 }));
    const again = await generateTryOn(request({ mode: 'one_piece', seed: 41 }));
    const b = await generateTryOn(request({ mode: 'one_piece', seed: 42 }));
    expect(a.image.equals(again.image)).toBe(true);
    expect(a.image.equals(b.image)).toBe(false);
    // Still the garment over the torso.
    near(await pixel(b.image, 0.5, 0.45), [30, 80, 220], 40);
  });

  it('stamps a dark PREVIEW label in the bottom-left corner', async () => {
    const out = await generateTryOn(request());
    const labelArea = await sharp(out.image)
      .extract({ left: 0, top: 1100, width: 300, height: 100 })
      .stats();
    const whiteish = labelArea.channels.every((c) => c.max > 240);
    const darkish = labelArea.channels.every((c) => c.min < 60);
    expect(whiteish && darkish).toBe(true);
  });

  it('injected failure: a solid magenta top (even after lossy WebP) → final injected_failure', async () => {
    const magenta = (await normalizeImage(await solid(400, 400, '#ff00ff', 'jpeg'))).data;
    expect(await isInjectedFailureImage(magenta)).toBe(true);
    const err = await generateTryOn(request({ top: magenta })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'injected_failure', retryable: false, provider: 'local' });
    // A near colour or a magenta bottom does not trigger it.
    expect(
      await isInjectedFailureImage((await normalizeImage(await solid(400, 400, '#ff33aa'))).data),
    ).toBe(false);
    await expect(generateTryOn(request({ mode: 'full', bottom: magenta }))).resolves.toBeDefined();
  });

  it('refuses a full outfit without a bottom, and unreadable input, as final errors', async () => {
    expect(await generateTryOn(request({ mode: 'full' })).catch((e: unknown) => e)).toMatchObject({
      code: 'input_refused',
      retryable: false,
    });
    expect(
      await generateTryOn(request({ person: Buffer.from('nope') })).catch((e: unknown) => e),
    ).toMatchObject({
      code: 'input_refused',
      retryable: false,
    });
  });
});

describe('resolveProviderForMode', () => {
  const none: ProviderSettings = {
    GEMINI_API_KEY: undefined,
    OPENAI_API_KEY: undefined,
    GEMINI_IMAGE_MODEL: 'gemini-img',
    OPENAI_IMAGE_MODEL: 'openai-img',
    AI_PROVIDER_TOP: undefined,
    AI_PROVIDER_FULL: undefined,
  };

  it('defaults to the local compositor when no key is configured', () => {
    expect(resolveProviderForMode('top', undefined, none)).toEqual({
      provider: 'local',
      model: LOCAL_MODEL,
    });
    expect(resolveProviderForMode('full', undefined, none)).toEqual({
      provider: 'local',
      model: LOCAL_MODEL,
    });
  });

  it('defaults to a configured key: Gemini first, then OpenAI', () => {
    expect(resolveProviderForMode('top', undefined, { ...none, OPENAI_API_KEY: 'sk' })).toEqual({
      provider: 'openai',
      model: 'openai-img',
    });
    expect(
      resolveProviderForMode('top', undefined, {
        ...none,
        OPENAI_API_KEY: 'sk',
        GEMINI_API_KEY: 'g',
      }),
    ).toEqual({
      provider: 'gemini',
      model: 'gemini-img',
    });
  });

  it('follows AI_PROVIDER_TOP / AI_PROVIDER_FULL per mode', () => {
    const both = {
      ...none,
      OPENAI_API_KEY: 'sk',
      GEMINI_API_KEY: 'g',
      AI_PROVIDER_TOP: 'openai',
      AI_PROVIDER_FULL: 'local',
    } as const;
    expect(resolveProviderForMode('top', undefined, both)).toEqual({
      provider: 'openai',
      model: 'openai-img',
    });
    expect(resolveProviderForMode('full', undefined, both)).toEqual({
      provider: 'local',
      model: LOCAL_MODEL,
    });
  });

  it('lets a prompt override win, with its model', () => {
    const both = {
      ...none,
      OPENAI_API_KEY: 'sk',
      GEMINI_API_KEY: 'g',
      AI_PROVIDER_TOP: 'openai',
    } as const;
    expect(
      resolveProviderForMode('top', { provider: 'gemini', model: 'gemini-special' }, both),
    ).toEqual({
      provider: 'gemini',
      model: 'gemini-special',
    });
    expect(resolveProviderForMode('top', { model: 'gpt-special' }, both)).toEqual({
      provider: 'openai',
      model: 'gpt-special',
    });
  });

  it('falls back to local when the chosen provider has no key, and drops that provider’s model', () => {
    expect(resolveProviderForMode('top', { provider: 'gemini', model: 'gemini-x' }, none)).toEqual({
      provider: 'local',
      model: LOCAL_MODEL,
    });
    expect(
      resolveProviderForMode('full', undefined, { ...none, AI_PROVIDER_FULL: 'openai' }),
    ).toEqual({
      provider: 'local',
      model: LOCAL_MODEL,
    });
  });
});

describe('errorFromStatus', () => {
  it.each([
    [429, 'rate_limited', true],
    [500, 'provider_unavailable', true],
    [503, 'provider_unavailable', true],
    [408, 'timeout', true],
    [400, 'bad_request', false],
    [401, 'auth_failed', false],
    [403, 'auth_failed', false],
    [404, 'bad_request', false],
    [422, 'input_refused', false],
  ])('%i → %s (retryable %s)', (status, code, retryable) => {
    expect(errorFromStatus('gemini', status, 'x')).toMatchObject({ code, retryable, status });
  });
});
