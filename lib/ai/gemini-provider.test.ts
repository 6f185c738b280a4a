import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createGeminiProvider } from './gemini-provider';
import { ProviderError } from './provider-error';
import { json, startStubServer, type StubServer } from './stub-server';
import type { TryOnRequest } from './types';

/**
 * The real @google/generative-ai SDK against a local stub speaking the
 * generateContent wire format (including Google's error envelope).
 */
let stub: StubServer;
let person: Buffer;
let top: Buffer;
let bottom: Buffer;
let output: Buffer;

beforeAll(async () => {
  stub = await startStubServer();
  const img = (c: string) =>
    sharp({ create: { width: 300, height: 400, channels: 3, background: c } })
      .webp()
      .toBuffer();
  [person, top, bottom] = await Promise.all([img('#c0a080'), img('#2040c0'), img('#303030')]);
  output = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();
});
afterAll(() => stub.close());

const provider = () =>
  createGeminiProvider({ apiKey: 'test-gemini-key', baseUrl: stub.url, timeoutMs: 10_000 });

function request(over: Partial<TryOnRequest> = {}): TryOnRequest {
  return {
    provider: 'gemini',
    model: 'gemini-test-image',
    systemPrompt: 'You are a virtual fitting room.',
    instruction: 'Dress the person in the garment.',
    mode: 'top',
    person,
    top,
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

interface GeminiBody {
  contents: Array<{
    role: string;
    parts: Array<{ text?: string; inlineData?: { mimeType: string; data: string } }>;
  }>;
  systemInstruction?: { parts: Array<{ text: string }> } | string;
  generationConfig?: { responseModalities?: string[]; seed?: number };
}

describe('Gemini provider (real SDK, local stub)', { timeout: 30_000 }, () => {
  it('sends the model, prompts and images in the wire format, and returns the image part', async () => {
    stub.setHandler((_req, res) =>
      json(res, 200, {
        candidates: [
          {
            content: {
              role: 'model',
              parts: [
                { text: 'Here you go.' },
                { inlineData: { mimeType: 'image/png', data: output.toString('base64') } },
              ],
            },
            finishReason: 'STOP',
          },
        ],
      }),
    );
    const before = stub.requests.length;
    const result = await provider()(request({ mode: 'full', bottom }));
    expect(result.image.equals(output)).toBe(true);
    expect(result.mimeType).toBe('image/png');

    const sent = stub.requests[before];
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/v1beta/models/gemini-test-image:generateContent');
    expect(sent?.headers['x-goog-api-key']).toBe('test-gemini-key');
    const body = JSON.parse(sent?.body.toString('utf8') ?? '{}') as GeminiBody;
    expect(body.generationConfig?.responseModalities).toEqual(['TEXT', 'IMAGE']);
    const system =
      typeof body.systemInstruction === 'string'
        ? body.systemInstruction
        : body.systemInstruction?.parts[0]?.text;
    expect(system).toBe('You are a virtual fitting room.');
    const parts = body.contents[0]?.parts ?? [];
    expect(parts[0]?.text).toBe('Dress the person in the garment.');
    const images = parts.filter((p) => p.inlineData).map((p) => p.inlineData);
    expect(images).toHaveLength(3);
    expect(images.map((i) => i?.mimeType)).toEqual(['image/webp', 'image/webp', 'image/webp']);
    expect(Buffer.from(images[0]?.data ?? '', 'base64').equals(person)).toBe(true);
    expect(Buffer.from(images[1]?.data ?? '', 'base64').equals(top)).toBe(true);
    expect(Buffer.from(images[2]?.data ?? '', 'base64').equals(bottom)).toBe(true);
  });

  it('sends only person and top for a top-only try-on', async () => {
    stub.setHandler((_req, res) =>
      json(res, 200, {
        candidates: [
          {
            content: {
              parts: [{ inlineData: { mimeType: 'image/png', data: output.toString('base64') } }],
            },
          },
        ],
      }),
    );
    const before = stub.requests.length;
    await provider()(request({ bottom }));
    const body = JSON.parse(stub.requests[before]?.body.toString('utf8') ?? '{}') as GeminiBody;
    expect(body.contents[0]?.parts.filter((p) => p.inlineData)).toHaveLength(2);
  });

  it('a one-piece sends the person and the dress, labelled as one garment, with the sample seed', async () => {
    stub.setHandler((_req, res) =>
      json(res, 200, {
        candidates: [
          {
            content: {
              parts: [{ inlineData: { mimeType: 'image/png', data: output.toString('base64') } }],
            },
          },
        ],
      }),
    );
    const before = stub.requests.length;
    await provider()(request({ mode: 'one_piece', seed: 1234 }));
    const body = JSON.parse(stub.requests[before]?.body.toString('utf8') ?? '{}') as GeminiBody;
    const parts = body.contents[0]?.parts ?? [];
    expect(parts.filter((p) => p.inlineData)).toHaveLength(2);
    expect(parts.map((p) => p.text).filter(Boolean)).toContain(
      'One-piece garment (dress or jumpsuit):',
    );
    expect(body.generationConfig?.seed).toBe(1234);
    // Without a seed, none is sent.
    await provider()(request({}));
    const plain = JSON.parse(
      stub.requests[stub.requests.length - 1]?.body.toString('utf8') ?? '{}',
    ) as GeminiBody;
    expect(plain.generationConfig?.seed).toBeUndefined();
  });

  it('429 RESOURCE_EXHAUSTED → retryable rate_limited', async () => {
    stub.setHandler((_req, res) =>
      json(res, 429, {
        error: { code: 429, message: 'Resource has been exhausted', status: 'RESOURCE_EXHAUSTED' },
      }),
    );
    const err = await failure(provider()(request()));
    expect(err).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      status: 429,
      provider: 'gemini',
    });
  });

  it('500 / 503 → retryable provider_unavailable', async () => {
    for (const status of [500, 503]) {
      stub.setHandler((_req, res) =>
        json(res, status, {
          error: { code: status, message: 'Internal error', status: 'INTERNAL' },
        }),
      );
      const err = await failure(provider()(request()));
      expect(err).toMatchObject({ code: 'provider_unavailable', retryable: true, status });
    }
  });

  it('400 INVALID_ARGUMENT → final', async () => {
    stub.setHandler((_req, res) =>
      json(res, 400, {
        error: {
          code: 400,
          message: 'Request contains an invalid argument.',
          status: 'INVALID_ARGUMENT',
        },
      }),
    );
    const err = await failure(provider()(request()));
    expect(err).toMatchObject({ code: 'bad_request', retryable: false, status: 400 });
  });

  it('promptFeedback.blockReason → final safety_blocked', async () => {
    stub.setHandler((_req, res) =>
      json(res, 200, {
        promptFeedback: {
          blockReason: 'SAFETY',
          safetyRatings: [{ category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'HIGH' }],
        },
      }),
    );
    const err = await failure(provider()(request()));
    expect(err).toMatchObject({ code: 'safety_blocked', retryable: false });
    expect(err.message).toMatch(/SAFETY/);
  });

  it('finishReason SAFETY / IMAGE_SAFETY without an image → final safety_blocked', async () => {
    for (const finishReason of ['SAFETY', 'IMAGE_SAFETY']) {
      stub.setHandler((_req, res) =>
        json(res, 200, { candidates: [{ finishReason, content: { parts: [] } }] }),
      );
      const err = await failure(provider()(request()));
      expect(err).toMatchObject({ code: 'safety_blocked', retryable: false });
    }
  });

  it('a text-only or empty response → final no_image_returned', async () => {
    for (const body of [
      {
        candidates: [{ content: { parts: [{ text: 'I cannot do that.' }] }, finishReason: 'STOP' }],
      },
      {},
      { candidates: [] },
    ]) {
      stub.setHandler((_req, res) => json(res, 200, body));
      const err = await failure(provider()(request()));
      expect(err).toMatchObject({ code: 'no_image_returned', retryable: false });
    }
  });

  it('a stalled server → retryable timeout; a caller abort → final canceled', async () => {
    stub.setHandler(() => undefined); // never answers
    const slow = createGeminiProvider({ apiKey: 'k', baseUrl: stub.url, timeoutMs: 200 });
    expect(await failure(slow(request()))).toMatchObject({ code: 'timeout', retryable: true });

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(provider()(request({ signal: controller.signal })));
    expect(err).toMatchObject({ code: 'canceled', retryable: false });
  });

  it('an unreachable endpoint → retryable network_error; a missing key → final not_configured', async () => {
    const closed = await startStubServer();
    const url = closed.url;
    await closed.close();
    const err = await failure(
      createGeminiProvider({ apiKey: 'k', baseUrl: url, timeoutMs: 1000 })(request()),
    );
    expect(err).toMatchObject({ code: 'network_error', retryable: true });
    const unconfigured = await failure(
      createGeminiProvider({ apiKey: '', baseUrl: stub.url })(request()),
    );
    expect(unconfigured).toMatchObject({ code: 'not_configured', retryable: false });
  });
});
