import { createGeminiProvider } from './gemini-provider';
import { localProvider } from './local-provider';
import { createOpenAIProvider } from './openai-provider';
import { isProviderError, ProviderError } from './provider-error';
import type {
  ProviderAttempt,
  ProviderAttemptChoice,
  ProviderFn,
  ProviderName,
  TryOnRequest,
  TryOnResult,
} from './types';

const PROVIDER_FNS: Record<ProviderName, ProviderFn> = {
  local: localProvider,
  gemini: createGeminiProvider(),
  openai: createOpenAIProvider(),
};

/**
 * Runs one try-on generation: on `req.provider` first, then — only after a
 * retryable outage (429, 5xx, timeout, network) — on each of `req.fallbacks`
 * in order. A final refusal (safety block, refused input, no image) stops at
 * once: another model would be asked the same thing. Every call is returned
 * as an attempt (`result.attempts`, or `err.attempts` on the ProviderError
 * thrown), so the job can record what happened. The failure thrown after the
 * whole list was down is the last provider's, still retryable: the caller
 * (the Inngest step) retries the list from the top with back-off.
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
  const chain: ProviderAttemptChoice[] = [
    { provider: req.provider, model: req.model },
    ...(req.fallbacks ?? []).filter(
      (c, i, all) =>
        !(c.provider === req.provider && c.model === req.model) &&
        all.findIndex((o) => o.provider === c.provider && o.model === c.model) === i,
    ),
  ];
  const attempts: ProviderAttempt[] = [];
  let last: ProviderError | undefined;
  for (const choice of chain) {
    if (req.signal?.aborted) break;
    const at = new Date();
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const sample = req.sample === undefined ? {} : { sample: req.sample };
    try {
      const out = await runOne({ ...req, provider: choice.provider, model: choice.model });
      const latencyMs = ms();
      attempts.push({ ...choice, ok: true, ms: latencyMs, at, ...sample });
      return {
        image: out.image,
        mimeType: out.mimeType,
        provider: choice.provider,
        model: choice.model,
        latencyMs,
        attempts,
      };
    } catch (err) {
      const failure = isProviderError(err)
        ? err
        : new ProviderError(
            choice.provider,
            'unknown',
            err instanceof Error ? err.message : String(err),
            {
              retryable: false,
              cause: err,
            },
          );
      attempts.push({ ...choice, ok: false, code: failure.code, ms: ms(), at, ...sample });
      failure.attempts = attempts;
      if (!failure.retryable) throw failure;
      last = failure;
    }
  }
  throw (
    last ??
    Object.assign(new ProviderError(req.provider, 'canceled', 'The generation was canceled'), {
      attempts,
    })
  );
}

async function runOne(req: TryOnRequest) {
  const run = PROVIDER_FNS[req.provider];
  if (!run)
    throw new ProviderError('local', 'not_configured', `Unknown provider ${String(req.provider)}`, {
      retryable: false,
    });
  return run(req);
}
