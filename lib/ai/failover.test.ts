import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';

// Both SDKs point at local stubs speaking their wire formats; set before lib/env is imported.
const ports = vi.hoisted(() => {
  const gemini = 43000 + Math.floor(Math.random() * 1000);
  const openai = gemini + 1000;
  process.env.GEMINI_API_KEY = 'test-gemini-key';
  process.env.GEMINI_BASE_URL = `http://127.0.0.1:${gemini}`;
  process.env.OPENAI_API_KEY = 'sk-test-stub';
  process.env.OPENAI_BASE_URL = `http://127.0.0.1:${openai}/v1`;
  return { gemini, openai };
});

import { generateTryOn } from './generate-try-on';
import { ProviderError } from './provider-error';
import { resolveProviderChain, type ProviderChainSettings } from './provider-chain';
import { json, startStubServer, type StubServer } from './stub-server';
import type { TryOnRequest } from './types';

let gemini: StubServer;
let openai: StubServer;
let person: Buffer;
let top: Buffer;
let output: Buffer;

beforeAll(async () => {
  [gemini, openai] = await Promise.all([
    startStubServer(ports.gemini),
    startStubServer(ports.openai),
  ]);
  const img = (c: string) =>
    sharp({ create: { width: 300, height: 400, channels: 3, background: c } })
      .webp()
      .toBuffer();
  [person, top] = await Promise.all([img('#c0a080'), img('#2040c0')]);
  output = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();
});
afterAll(() => Promise.all([gemini.close(), openai.close()]));
beforeEach(() => {
  gemini.requests.length = 0;
  openai.requests.length = 0;
  openai.setHandler((_req, res) =>
    json(res, 200, { created: 1, data: [{ b64_json: output.toString('base64') }] }),
  );
});

function request(over: Partial<TryOnRequest> = {}): TryOnRequest {
  return {
    provider: 'gemini',
    model: 'gemini-test-image',
    fallbacks: [{ provider: 'openai', model: 'gpt-test-image' }],
    systemPrompt: 'You are a virtual fitting room.',
    instruction: 'Dress the person in the garment.',
    mode: 'top',
    person,
    top,
    ...over,
  };
}

const googleError = (status: number, name: string) => ({
  error: { code: status, message: `stub says ${name}`, status: name },
});

describe('provider failover (real SDKs, wire-format stubs)', { timeout: 30_000 }, () => {
  it('Gemini answers 503: the OpenAI fallback makes the image; both attempts are returned', async () => {
    gemini.setHandler((_req, res) => json(res, 503, googleError(503, 'UNAVAILABLE')));
    const result = await generateTryOn(request({ sample: 2 }));
    expect(result.provider).toBe('openai');
    expect(result.model).toBe('gpt-test-image');
    expect(result.image.equals(output)).toBe(true);
    expect(gemini.requests).toHaveLength(1);
    expect(openai.requests).toHaveLength(1);
    expect(openai.requests[0]?.path).toBe('/v1/images/edits');
    expect(result.attempts).toMatchObject([
      {
        provider: 'gemini',
        model: 'gemini-test-image',
        ok: false,
        code: 'provider_unavailable',
        sample: 2,
      },
      { provider: 'openai', model: 'gpt-test-image', ok: true, sample: 2 },
    ]);
    for (const a of result.attempts) {
      expect(a.ms).toBeGreaterThanOrEqual(0);
      expect(a.at).toBeInstanceOf(Date);
    }
  });

  it('429 and network failures fail over too', async () => {
    gemini.setHandler((_req, res) => json(res, 429, googleError(429, 'RESOURCE_EXHAUSTED')));
    const limited = await generateTryOn(request());
    expect(limited.attempts.map((a) => [a.provider, a.code ?? 'ok'])).toEqual([
      ['gemini', 'rate_limited'],
      ['openai', 'ok'],
    ]);
    gemini.setHandler((_req, res) => {
      res.socket?.destroy();
    });
    const dropped = await generateTryOn(request());
    expect(dropped.provider).toBe('openai');
    expect(dropped.attempts[0]).toMatchObject({
      provider: 'gemini',
      ok: false,
      code: 'network_error',
    });
  });

  it('a safety block is final: no fallback is called and the refusal carries its attempt', async () => {
    gemini.setHandler((_req, res) =>
      json(res, 200, { candidates: [], promptFeedback: { blockReason: 'SAFETY' } }),
    );
    const err = await generateTryOn(request()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProviderError);
    const failure = err as ProviderError;
    expect(failure.code).toBe('safety_blocked');
    expect(failure.retryable).toBe(false);
    expect(openai.requests).toHaveLength(0);
    expect(failure.attempts).toMatchObject([
      { provider: 'gemini', ok: false, code: 'safety_blocked' },
    ]);
  });

  it('every provider down: the last outage is thrown, retryable, with every attempt', async () => {
    gemini.setHandler((_req, res) => json(res, 500, googleError(500, 'INTERNAL')));
    openai.setHandler((_req, res) =>
      json(res, 503, { error: { message: 'overloaded', type: 'server_error', code: null } }),
    );
    const err = (await generateTryOn(request()).catch((e: unknown) => e)) as ProviderError;
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.provider).toBe('openai');
    expect(err.retryable).toBe(true);
    expect(err.attempts?.map((a) => `${a.provider}:${a.code}`)).toEqual([
      'gemini:provider_unavailable',
      'openai:provider_unavailable',
    ]);
  });

  it('without fallbacks a single provider runs as before and reports one attempt', async () => {
    const result = await generateTryOn(request({ provider: 'openai', model: 'm1', fallbacks: [] }));
    expect(result.attempts).toHaveLength(1);
    expect(gemini.requests).toHaveLength(0);
  });
});

describe('resolveProviderChain', () => {
  const base: ProviderChainSettings = {
    GEMINI_API_KEY: 'g',
    OPENAI_API_KEY: 'o',
    GEMINI_IMAGE_MODEL: 'gem-default',
    OPENAI_IMAGE_MODEL: 'oai-default',
    AI_PROVIDER_TOP: undefined,
    AI_PROVIDER_FULL: undefined,
  };

  it('defaults to the single configured provider (no failover unless configured)', () => {
    expect(resolveProviderChain('top', undefined, base)).toEqual([
      { provider: 'gemini', model: 'gem-default' },
    ]);
  });

  it('uses the per-mode list, leaving out providers without a key', () => {
    expect(
      resolveProviderChain('full', undefined, {
        ...base,
        TRYON_PROVIDERS_FULL: ['openai', 'gemini'],
      }),
    ).toEqual([
      { provider: 'openai', model: 'oai-default' },
      { provider: 'gemini', model: 'gem-default' },
    ]);
    expect(
      resolveProviderChain('full', undefined, {
        ...base,
        OPENAI_API_KEY: undefined,
        TRYON_PROVIDERS_FULL: ['openai', 'gemini'],
      }),
    ).toEqual([{ provider: 'gemini', model: 'gem-default' }]);
    expect(
      resolveProviderChain('top', undefined, {
        ...base,
        GEMINI_API_KEY: undefined,
        OPENAI_API_KEY: undefined,
        TRYON_PROVIDERS_TOP: ['openai', 'gemini'],
      }),
    ).toEqual([{ provider: 'local', model: 'local-compositor-v1' }]);
  });

  it("a prompt version's list wins; its single provider goes first, before the configured list", () => {
    const settings = {
      ...base,
      TRYON_PROVIDERS_TOP: ['gemini', 'openai'] as ('gemini' | 'openai')[],
    };
    expect(resolveProviderChain('top', { providers: ['openai'] }, settings)).toEqual([
      { provider: 'openai', model: 'oai-default' },
    ]);
    expect(
      resolveProviderChain('top', { provider: 'openai', model: 'gpt-special' }, settings),
    ).toEqual([
      { provider: 'openai', model: 'gpt-special' },
      { provider: 'gemini', model: 'gem-default' },
    ]);
  });
});
