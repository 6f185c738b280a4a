import { createGeminiProvider } from './gemini-provider';
import { localProvider } from './local-provider';
import { createOpenAIProvider } from './openai-provider';
import { ProviderError } from './provider-error';
import type { ProviderFn, ProviderName, TryOnRequest, TryOnResult } from './types';

const PROVIDER_FNS: Record<ProviderName, ProviderFn> = {
  local: localProvider,
  gemini: createGeminiProvider(),
  openai: createOpenAIProvider(),
};

/**
 * Runs one try-on generation on the named provider. Every failure is a
 * ProviderError whose `retryable` flag the caller (the Inngest step) obeys.
 */
export async function generateTryOn(req: TryOnRequest): Promise<TryOnResult> {
  if (req.mode === 'full' && !req.bottom) {
    throw new ProviderError(
      req.provider,
      'input_refused',
      'A full outfit needs a bottom garment image',
      { retryable: false },
    );
  }
  const run = PROVIDER_FNS[req.provider];
  if (!run)
    throw new ProviderError('local', 'not_configured', `Unknown provider ${String(req.provider)}`, {
      retryable: false,
    });
  const started = performance.now();
  const out = await run(req);
  return {
    image: out.image,
    mimeType: out.mimeType,
    provider: req.provider,
    model: req.model,
    latencyMs: Math.round(performance.now() - started),
  };
}
