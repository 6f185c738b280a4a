import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  toFile,
} from 'openai';
import { env } from '@/lib/env';
import { ProviderError, errorFromStatus } from './provider-error';
import { sniffMime } from './gemini-provider';
import type { ProviderFn, TryOnRequest } from './types';

/**
 * OpenAI GPT Image through `openai`: one `images.edit` call with the person
 * photo first and the garment(s) after it as separate input images, the
 * system prompt and instruction as one prompt, reading `b64_json`. The SDK's
 * own retries are off: the Inngest step decides on retry from our
 * classification. OPENAI_BASE_URL points it elsewhere (tests: a local stub).
 */
export interface OpenAIConfig {
  apiKey?: string;
  baseURL?: string;
  timeoutMs?: number;
}

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

async function asFile(data: Buffer, name: string) {
  const type = sniffMime(data);
  return toFile(data, `${name}.${EXT[type] ?? 'png'}`, { type });
}

export function buildOpenAIPrompt(
  req: Pick<TryOnRequest, 'systemPrompt' | 'instruction' | 'mode'>,
): string {
  const order =
    req.mode === 'full'
      ? 'Image 1 is the person, image 2 the top garment, image 3 the bottom garment.'
      : req.mode === 'one_piece'
        ? 'Image 1 is the person, image 2 the one-piece garment (a dress or jumpsuit).'
        : 'Image 1 is the person, image 2 the top garment.';
  return [req.systemPrompt.trim(), req.instruction.trim(), order].filter(Boolean).join('\n\n');
}

export function createOpenAIProvider(config: OpenAIConfig = {}): ProviderFn {
  return async (req: TryOnRequest) => {
    const apiKey = config.apiKey ?? env.OPENAI_API_KEY;
    if (!apiKey)
      throw new ProviderError('openai', 'not_configured', 'OPENAI_API_KEY is not set', {
        retryable: false,
      });
    const timeoutMs = config.timeoutMs ?? 180_000;
    const client = new OpenAI({
      apiKey,
      baseURL: config.baseURL ?? env.OPENAI_BASE_URL,
      maxRetries: 0,
      timeout: timeoutMs,
    });
    const images = [await asFile(req.person, 'person'), await asFile(req.top, 'top')];
    if (req.mode === 'full' && req.bottom) images.push(await asFile(req.bottom, 'bottom'));

    try {
      const res = await client.images.edit(
        {
          model: req.model,
          image: images,
          prompt: buildOpenAIPrompt(req),
          n: 1,
          output_format: 'png',
        },
        { signal: req.signal },
      );
      const b64 = res.data?.[0]?.b64_json;
      if (!b64)
        throw new ProviderError('openai', 'no_image_returned', 'OpenAI returned no image', {
          retryable: false,
        });
      return { image: Buffer.from(b64, 'base64'), mimeType: 'image/png' };
    } catch (err) {
      throw classifyOpenAIError(err, timeoutMs);
    }
  };
}

const REFUSED_CODES = new Set([
  'moderation_blocked',
  'content_policy_violation',
  'safety_violation',
]);

export function classifyOpenAIError(err: unknown, timeoutMs: number): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof APIUserAbortError) {
    return new ProviderError('openai', 'canceled', 'The request was canceled', {
      retryable: false,
      cause: err,
    });
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new ProviderError('openai', 'timeout', `OpenAI did not answer within ${timeoutMs} ms`, {
      cause: err,
    });
  }
  if (err instanceof APIConnectionError) {
    return new ProviderError(
      'openai',
      'network_error',
      `OpenAI could not be reached: ${err.message}`,
      { cause: err },
    );
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const message = `OpenAI answered HTTP ${err.status}: ${err.message.slice(0, 300)}`;
    if (
      (err.code && REFUSED_CODES.has(err.code)) ||
      /safety system|content policy/i.test(err.message)
    ) {
      return new ProviderError('openai', 'safety_blocked', message, {
        status: err.status,
        cause: err,
        retryable: false,
      });
    }
    if (
      err.code === 'invalid_image' ||
      err.code === 'invalid_image_format' ||
      err.param === 'image'
    ) {
      return new ProviderError('openai', 'input_refused', message, {
        status: err.status,
        cause: err,
        retryable: false,
      });
    }
    return errorFromStatus('openai', err.status, message, err);
  }
  const message = err instanceof Error ? err.message : String(err);
  // A garbled body (a proxy's error page, a cut connection) is transient more often than not.
  return new ProviderError('openai', 'unknown', `OpenAI request failed: ${message.slice(0, 300)}`, {
    cause: err,
    retryable: true,
  });
}
