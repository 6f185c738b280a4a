import { env } from '@/lib/env';
import type { TryonMode } from '@/models/tryon-job';
import {
  defaultModelFor,
  isProviderConfigured,
  resolveProviderForMode,
  type ProviderSettings,
} from './resolve-provider';
import type { ProviderAttemptChoice, ProviderName } from './types';

/** The settings the chain reads besides those of resolveProviderForMode. */
export type ProviderChainSettings = ProviderSettings & {
  TRYON_PROVIDERS_TOP?: ProviderName[] | undefined;
  TRYON_PROVIDERS_FULL?: ProviderName[] | undefined;
  TRYON_PROVIDERS_ONE_PIECE?: ProviderName[] | undefined;
};

/** A prompt version's provider settings: its single override and its own failover list. */
export interface PromptProviderOverride {
  provider?: ProviderName | null;
  model?: string | null;
  providers?: readonly ProviderName[] | null;
}

function configuredList(mode: TryonMode, settings: ProviderChainSettings): ProviderName[] {
  const byMode: Record<string, ProviderName[] | undefined> = {
    top: settings.TRYON_PROVIDERS_TOP,
    full: settings.TRYON_PROVIDERS_FULL,
    one_piece: settings.TRYON_PROVIDERS_ONE_PIECE,
  };
  return byMode[mode] ?? [];
}

/**
 * The ordered providers a mode's job may use: the first is tried first, the
 * others only after a retryable outage (lib/ai/generate-try-on.ts). Order of
 * precedence: the prompt version's own list, else its single provider
 * followed by the configured list (TRYON_PROVIDERS_<MODE>), else the
 * configured list, else today's single choice (resolveProviderForMode).
 * Providers without a key are left out; an empty result is the local
 * compositor, as resolveProviderForMode does. A model override applies to the
 * provider it was written for only.
 */
export function resolveProviderChain(
  mode: TryonMode,
  prompt?: PromptProviderOverride,
  settings: ProviderChainSettings = env,
): ProviderAttemptChoice[] {
  const single = resolveProviderForMode(mode, prompt, settings);
  const configured = configuredList(mode, settings);
  let names: ProviderName[];
  if (prompt?.providers?.length) names = [...prompt.providers];
  else if (prompt?.provider) names = [prompt.provider, ...configured];
  else if (configured.length) names = configured;
  else return [single];
  const usable = [...new Set(names)].filter((p) => isProviderConfigured(p, settings));
  if (!usable.length) return [{ provider: 'local', model: defaultModelFor('local', settings) }];
  return usable.map((provider) => ({
    provider,
    model:
      prompt?.model && prompt.provider === provider
        ? prompt.model
        : defaultModelFor(provider, settings),
  }));
}
