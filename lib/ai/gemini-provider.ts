import {
  GoogleGenerativeAI,
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIFetchError,
  type GenerateContentResponse,
  type GenerationConfig,
  type Part,
} from '@google/generative-ai';
import { env } from '@/lib/env';
import { ProviderError, errorFromStatus } from './provider-error';
import type { ProviderFn, TryOnRequest } from './types';

/**
 * Gemini image model through `@google/generative-ai`: one generateContent
 * call with the instruction and the images as inlineData parts, asking for
 * IMAGE output; the first inlineData image part of the first candidate is
 * the result. GEMINI_BASE_URL points the SDK elsewhere (tests: a local stub).
 */
export interface GeminiConfig {
  apiKey?: string;
  baseUrl?: string;
  timeoutMs?: number;
}

// The SDK's types predate image output; the API accepts the field as is.
type ImageGenerationConfig = GenerationConfig & {
  responseModalities: Array<'TEXT' | 'IMAGE'>;
  /** The sample's seed (generationConfig.seed): the same seed asks for the same picture. */
  seed?: number;
};

function imagePart(data: Buffer, label: string): Part[] {
  return [
    { text: label },
    { inlineData: { mimeType: sniffMime(data), data: data.toString('base64') } },
  ];
}

export function sniffMime(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data[0] === 0x89 && data[1] === 0x50) return 'image/png';
  if (data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

const SAFETY_FINISH = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'IMAGE_SAFETY',
  'RECITATION',
]);

function readImage(response: GenerateContentResponse): { image: Buffer; mimeType: string } {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) {
    throw new ProviderError(
      'gemini',
      'safety_blocked',
      `Gemini blocked the request (${blockReason})`,
      { retryable: false },
    );
  }
  const candidate = response.candidates?.[0];
  const finish = String(candidate?.finishReason ?? '');
  for (const part of candidate?.content?.parts ?? []) {
    const inline = part.inlineData;
    if (inline?.data && inline.mimeType?.startsWith('image/')) {
      return { image: Buffer.from(inline.data, 'base64'), mimeType: inline.mimeType };
    }
  }
  if (SAFETY_FINISH.has(finish)) {
    throw new ProviderError('gemini', 'safety_blocked', `Gemini stopped for safety (${finish})`, {
      retryable: false,
    });
  }
  throw new ProviderError(
    'gemini',
    'no_image_returned',
    `Gemini returned no image${finish ? ` (finish reason ${finish})` : ''}`,
    {
      retryable: false,
    },
  );
}

export function createGeminiProvider(config: GeminiConfig = {}): ProviderFn {
  return async (req: TryOnRequest) => {
    const apiKey = config.apiKey ?? env.GEMINI_API_KEY;
    if (!apiKey)
      throw new ProviderError('gemini', 'not_configured', 'GEMINI_API_KEY is not set', {
        retryable: false,
      });
    const baseUrl = config.baseUrl ?? env.GEMINI_BASE_URL;
    const timeoutMs = config.timeoutMs ?? 120_000;

    const generationConfig: ImageGenerationConfig = {
      responseModalities: ['TEXT', 'IMAGE'],
      candidateCount: 1,
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
    };
    const model = new GoogleGenerativeAI(apiKey).getGenerativeModel(
      { model: req.model, systemInstruction: req.systemPrompt, generationConfig },
      baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : undefined,
    );
    const parts: Part[] = [
      { text: req.instruction },
      ...imagePart(req.person, 'Person photo:'),
      ...imagePart(
        req.top,
        req.mode === 'one_piece' ? 'One-piece garment (dress or jumpsuit):' : 'Top garment:',
      ),
      ...(req.mode === 'full' && req.bottom ? imagePart(req.bottom, 'Bottom garment:') : []),
    ];

    // Our own deadline (the SDK's timer is never cleared and would hold the process open).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await model.generateContent(
        { contents: [{ role: 'user', parts }] },
        { signal: controller.signal },
      );
      return readImage(result.response);
    } catch (err) {
      throw classifyGeminiError(err, Boolean(req.signal?.aborted), timeoutMs);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  };
}

function classifyGeminiError(err: unknown, canceled: boolean, timeoutMs: number): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof GoogleGenerativeAIFetchError && err.status) {
    // The SDK's message starts with our own URL; keep only what Google said.
    const said = err.message.replace(/^.*?\]\s*/, '').slice(0, 300);
    return errorFromStatus(
      'gemini',
      err.status,
      `Gemini answered HTTP ${err.status}: ${said}`,
      err,
    );
  }
  if (
    err instanceof GoogleGenerativeAIAbortError ||
    (err instanceof Error && err.name === 'AbortError')
  ) {
    return canceled
      ? new ProviderError('gemini', 'canceled', 'The request was canceled', {
          retryable: false,
          cause: err,
        })
      : new ProviderError('gemini', 'timeout', `Gemini did not answer within ${timeoutMs} ms`, {
          cause: err,
        });
  }
  // Network failures and malformed responses surface as plain SDK errors: transient.
  const message = err instanceof Error ? err.message : String(err);
  return new ProviderError(
    'gemini',
    'network_error',
    `Gemini request failed: ${message.slice(0, 300)}`,
    { cause: err },
  );
}
