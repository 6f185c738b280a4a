import type { TryonMode } from '@/models/enums';

export const PROVIDERS = ['local', 'gemini', 'openai'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface TryOnRequest {
  provider: ProviderName;
  model: string;
  /** The active `system` prompt. */
  systemPrompt: string;
  /** The active `top_only` or `full_outfit` prompt. */
  instruction: string;
  mode: TryonMode;
  /** Normalised images (lib/images): person photo, garment(s). */
  person: Buffer;
  top: Buffer;
  /** Required when mode is `full`. */
  bottom?: Buffer;
  signal?: AbortSignal;
  /**
   * Where to go when `provider` has a retryable outage (429, 5xx, timeout,
   * network): the rest of the mode's ordered provider list
   * (resolveProviderChain). A final refusal never moves on.
   */
  fallbacks?: readonly ProviderAttemptChoice[];
  /** The sample number (1-based) this generation is for; recorded on each attempt. */
  sample?: number;
  /** Test-key jobs: the outcome the local provider simulates (`x-trailroom-simulate`). */
  simulate?: 'failure' | 'slow' | 'safety_block';
  /** The sample's seed (job seed + n − 1): the same seed gives the same result where the provider allows. */
  seed?: number;
}

export interface ProviderAttemptChoice {
  provider: ProviderName;
  model: string;
}

/** One call to one provider, as recorded on the job (`providerAttempts`). */
export interface ProviderAttempt {
  provider: ProviderName;
  model: string;
  ok: boolean;
  /** The ProviderErrorCode of a failed attempt. */
  code?: string;
  ms: number;
  at: Date;
  sample?: number;
}

export interface TryOnResult {
  /** Encoded image bytes as the provider returned them; pass through normalizeImage before storing. */
  image: Buffer;
  /** The MIME type the provider declared (or the local provider's own). */
  mimeType: string;
  provider: ProviderName;
  model: string;
  latencyMs: number;
  /** Every provider call made for this result, in order (the last one succeeded). */
  attempts: ProviderAttempt[];
}

export type ProviderFn = (
  req: TryOnRequest,
) => Promise<Omit<TryOnResult, 'latencyMs' | 'provider' | 'model' | 'attempts'>>;
