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
}

export interface TryOnResult {
  /** Encoded image bytes as the provider returned them; pass through normalizeImage before storing. */
  image: Buffer;
  /** The MIME type the provider declared (or the local provider's own). */
  mimeType: string;
  provider: ProviderName;
  model: string;
  latencyMs: number;
}

export type ProviderFn = (
  req: TryOnRequest,
) => Promise<Omit<TryOnResult, 'latencyMs' | 'provider' | 'model'>>;
