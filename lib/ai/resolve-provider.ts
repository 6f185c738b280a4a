import { env } from '@/lib/env';
import type { TryonMode } from '@/models/tryon-job';
import type { ProviderName } from './types';

export const LOCAL_MODEL = 'local-compositor-v1';

export interface ProviderChoice {
  provider: ProviderName;
  model: string;
}

export function defaultModelFor(provider: ProviderName): string {
  if (provider === 'gemini') return env.GEMINI_IMAGE_MODEL;
  if (provider === 'openai') return env.OPENAI_IMAGE_MODEL;
  return LOCAL_MODEL;
}

export function isProviderConfigured(provider: ProviderName): boolean {
  if (provider === 'gemini') return Boolean(env.GEMINI_API_KEY);
  if (provider === 'openai') return Boolean(env.OPENAI_API_KEY);
  return true;
}

/**
 * Which provider and model serve a mode. Order: the prompt's own override,
 * then AI_PROVIDER_TOP / AI_PROVIDER_FULL, then the first configured key
 * (Gemini, then OpenAI), else the local compositor. A provider named
 * without its key falls back to local rather than failing every job; the
 * job records what actually ran.
 */
export function resolveProviderForMode(
  mode: TryonMode,
  promptOverride?: { provider?: ProviderName | null; model?: string | null },
): ProviderChoice {
  const configured = mode === 'full' ? env.AI_PROVIDER_FULL : env.AI_PROVIDER_TOP;
  const fallback: ProviderName = env.GEMINI_API_KEY
    ? 'gemini'
    : env.OPENAI_API_KEY
      ? 'openai'
      : 'local';
  const wanted = promptOverride?.provider ?? configured ?? fallback;
  const provider = isProviderConfigured(wanted) ? wanted : 'local';
  // A model override only makes sense for the provider it was written for.
  const model =
    provider === wanted && promptOverride?.model ? promptOverride.model : defaultModelFor(provider);
  return { provider, model };
}
