import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createOpenAIProvider } from './openai-provider';
import { ProviderError } from './provider-error';
import { json, startStubServer, type StubRequest, type StubServer } from './stub-server';
import type { TryOnRequest } from './types';

/**
 * The real `openai` SDK against a local stub speaking the Images API wire
 * format: multipart/form-data in, `{ data: [{ b64_json }] }` or OpenAI's
 * error envelope out.
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
  output = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#654321' } })
    .png()
    .toBuffer();
});
afterAll(() => stub.close());

const provider = () =>
  createOpenAIProvider({ apiKey: 'sk-test', baseURL: `${stub.url}/v1`, timeoutMs: 10_000 });

function request(over: Partial<TryOnRequest> = {}): TryOnRequest {
  return {
    provider: 'openai',
    model: 'gpt-image-test',
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

async function form(req: StubRequest): Promise<FormData> {
  return new Response(new Uint8Array(req.body), {
    headers: { 'content-type': String(req.headers['content-type']) },
  }).formData();
}

function openaiError(
  status: number,
  error: { message: string; type: string; code?: string | null; param?: string | null },
) {
  return (_req: StubRequest, res: import('node:http').ServerResponse) =>
    json(res, status, { error: { param: null, code: null, ...error } });
}

describe('OpenAI provider (real SDK, local stub)', { timeout: 30_000 }, () => {
  it('posts a multipart images.edit with model, prompt and every input image; reads b64_json', async () => {
    stub.setHandler((_req, res) =>
      json(res, 200, { created: 1_700_000_000, data: [{ b64_json: output.toString('base64') }] }),
    );
    const before = stub.requests.length;
    const result = await provider()(request({ mode: 'full', bottom }));
    expect(result.image.equals(output)).toBe(true);
    expect(result.mimeType).toBe('image/png');

    const sent = stub.requests[before];
    expect(sent).toBeDefined();
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/v1/images/edits');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    expect(String(sent?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const fields = await form(sent as StubRequest);
    expect(fields.get('model')).toBe('gpt-image-test');
    const prompt = String(fields.get('prompt'));
    expect(prompt).toContain('You are a virtual fitting room.');
    expect(prompt).toContain('Dress the person in the garment.');
    expect(prompt).toMatch(/image 3 the bottom garment/i);
    const images = [...fields.getAll('image[]'), ...fields.getAll('image')] as File[];
    expect(images).toHaveLength(3);
    const bytes = await Promise.all(images.map(async (f) => Buffer.from(await f.arrayBuffer())));
    expect(bytes[0]?.equals(person)).toBe(true);
    expect(bytes[1]?.equals(top)).toBe(true);
    expect(bytes[2]?.equals(bottom)).toBe(true);
    expect(images.map((f) => f.name)).toEqual(['person.webp', 'top.webp', 'bottom.webp']);
    expect(images[0]?.type).toBe('image/webp');
  });

  it('sends two images for a top-only try-on', async () => {
    stub.setHandler((_req, res) =>
      json(res, 200, { created: 1, data: [{ b64_json: output.toString('base64') }] }),
    );
    const before = stub.requests.length;
    await provider()(request());
    const fields = await form(stub.requests[before] as StubRequest);
    expect([...fields.getAll('image[]'), ...fields.getAll('image')]).toHaveLength(2);
  });

  it('429 → retryable rate_limited, sent once (SDK retries are off: Inngest decides)', async () => {
    stub.setHandler(
      openaiError(429, {
        message: 'Rate limit reached for images',
        type: 'requests',
        code: 'rate_limit_exceeded',
      }),
    );
    const before = stub.requests.length;
    const err = await failure(provider()(request()));
    expect(err).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      status: 429,
      provider: 'openai',
    });
    expect(stub.requests.length - before).toBe(1);
  });

  it('500 / 502 → retryable provider_unavailable', async () => {
    for (const status of [500, 502]) {
      stub.setHandler(
        openaiError(status, { message: 'The server had an error', type: 'server_error' }),
      );
      const err = await failure(provider()(request()));
      expect(err).toMatchObject({ code: 'provider_unavailable', retryable: true, status });
    }
  });

  it('moderation_blocked → final safety_blocked', async () => {
    stub.setHandler(
      openaiError(400, {
        message: 'Your request was rejected by the safety system.',
        type: 'image_generation_user_error',
        code: 'moderation_blocked',
      }),
    );
    const err = await failure(provider()(request()));
    expect(err).toMatchObject({ code: 'safety_blocked', retryable: false, status: 400 });
  });

  it('content policy violation → final safety_blocked; invalid image → final input_refused; other 4xx → final', async () => {
    stub.setHandler(
      openaiError(400, {
        message: 'Request violates our content policy',
        type: 'invalid_request_error',
        code: 'content_policy_violation',
      }),
    );
    expect(await failure(provider()(request()))).toMatchObject({
      code: 'safety_blocked',
      retryable: false,
    });
    stub.setHandler(
      openaiError(400, {
        message: 'Invalid image file',
        type: 'invalid_request_error',
        code: 'invalid_image',
        param: 'image',
      }),
    );
    expect(await failure(provider()(request()))).toMatchObject({
      code: 'input_refused',
      retryable: false,
    });
    stub.setHandler(
      openaiError(401, {
        message: 'Incorrect API key provided',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      }),
    );
    expect(await failure(provider()(request()))).toMatchObject({
      code: 'auth_failed',
      retryable: false,
      status: 401,
    });
    stub.setHandler(
      openaiError(400, { message: 'Invalid size', type: 'invalid_request_error', param: 'size' }),
    );
    expect(await failure(provider()(request()))).toMatchObject({
      code: 'bad_request',
      retryable: false,
    });
  });

  it('an empty data array → final no_image_returned', async () => {
    for (const body of [
      { created: 1, data: [] },
      { created: 1, data: [{ url: 'https://example.invalid/x.png' }] },
      { created: 1 },
    ]) {
      stub.setHandler((_req, res) => json(res, 200, body));
      expect(await failure(provider()(request()))).toMatchObject({
        code: 'no_image_returned',
        retryable: false,
      });
    }
  });

  it('a stalled server → retryable timeout; a caller abort → final canceled; unreachable → retryable', async () => {
    stub.setHandler(() => undefined);
    const slow = createOpenAIProvider({ apiKey: 'k', baseURL: `${stub.url}/v1`, timeoutMs: 200 });
    expect(await failure(slow(request()))).toMatchObject({ code: 'timeout', retryable: true });

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await failure(provider()(request({ signal: controller.signal })))).toMatchObject({
      code: 'canceled',
      retryable: false,
    });

    const closed = await startStubServer();
    const url = closed.url;
    await closed.close();
    const err = await failure(
      createOpenAIProvider({ apiKey: 'k', baseURL: `${url}/v1`, timeoutMs: 1000 })(request()),
    );
    expect(err).toMatchObject({ code: 'network_error', retryable: true });
  });

  it('a missing key → final not_configured without a request', async () => {
    const before = stub.requests.length;
    expect(await failure(createOpenAIProvider({ apiKey: '' })(request()))).toMatchObject({
      code: 'not_configured',
      retryable: false,
    });
    expect(stub.requests.length).toBe(before);
  });
});
