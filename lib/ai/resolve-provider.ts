import { env, type Env } from '@/lib/env';
import type { TryonMode } from '@/models/tryon-job';
import type { ProviderName } from './types';

export const LOCAL_MODEL = 'local-compositor-v1';

export interface ProviderChoice {
  provider: ProviderName;
  model: string;
}

/** The settings provider choice reads (a parameter so tests need not touch process.env). */
export type ProviderSettings = Pick<
  Env,
  | 'GEMINI_API_KEY'
  | 'OPENAI_API_KEY'
  | 'GEMINI_IMAGE_MODEL'
  | 'OPENAI_IMAGE_MODEL'
  | 'AI_PROVIDER_TOP'
  | 'AI_PROVIDER_FULL'
>;

export function defaultModelFor(provider: ProviderName, settings: ProviderSettings = env): string {
  if (provider === 'gemini') return settings.GEMINI_IMAGE_MODEL;
  if (provider === 'openai') return settings.OPENAI_IMAGE_MODEL;
  return LOCAL_MODEL;
}

export function isProviderConfigured(
  provider: ProviderName,
  settings: ProviderSettings = env,
): boolean {
  if (provider === 'gemini') return Boolean(settings.GEMINI_API_KEY);
  if (provider === 'openai') return Boolean(settings.OPENAI_API_KEY);
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
  settings: ProviderSettings = env,
): ProviderChoice {
  const configured = mode === 'full' ? settings.AI_PROVIDER_FULL : settings.AI_PROVIDER_TOP;
  const fallback: ProviderName = settings.GEMINI_API_KEY
    ? 'gemini'
    : settings.OPENAI_API_KEY
      ? 'openai'
      : 'local';
  const wanted = promptOverride?.provider ?? configured ?? fallback;
  const provider = isProviderConfigured(wanted, settings) ? wanted : 'local';
  // A model override only makes sense for the provider it was written for.
  const model =
    provider === wanted && promptOverride?.model
      ? promptOverride.model
      : defaultModelFor(provider, settings);
  return { provider, model };
}
