import { env } from '@/lib/env';
import {
  isProviderConfigured,
  resolveProviderForMode,
  type ProviderSettings,
} from './resolve-provider';
import { PROVIDERS, type ProviderName } from './types';

/** Who runs each provider, in the words the privacy page uses. */
export const PROVIDER_COMPANY: Record<ProviderName, string> = {
  local: 'TrailRoom’s own server (local preview compositor)',
  gemini: 'Google (Gemini API)',
  openai: 'OpenAI (Images API)',
};

export interface PhotoRecipients {
  /** The provider and model each mode uses by default on this server. */
  byMode: {
    top: { provider: ProviderName; model: string };
    full: { provider: ProviderName; model: string };
  };
  /** Every external provider with a key here: the only ones a prompt may route photos to. */
  external: ProviderName[];
}

/**
 * Where shoppers' photos go when a try-on runs, read from the same settings
 * that choose the provider (lib/ai/resolve-provider), so the privacy page
 * says exactly what this server does. A prompt may name another provider,
 * but only one whose key is configured (otherwise the local compositor runs).
 */
export function describePhotoRecipients(settings: ProviderSettings = env): PhotoRecipients {
  return {
    byMode: {
      top: resolveProviderForMode('top', undefined, settings),
      full: resolveProviderForMode('full', undefined, settings),
    },
    external: PROVIDERS.filter((p) => p !== 'local' && isProviderConfigured(p, settings)),
  };
}
