import { AppError } from '@/lib/errors';
import { Prompt, type PromptType } from '@/models/prompt';
import type { TryonMode } from '@/models/tryon-job';
import { readActivationHead, readLegacyActive } from './read-activation-head';

export type ProviderName = 'local' | 'gemini' | 'openai';

export interface ActivePrompt {
  id: string;
  type: PromptType;
  version: number;
  content: string;
  /** Per-prompt override of the configured provider/model. */
  provider?: ProviderName;
  model?: string;
  /** Per-version failover order of providers (lib/ai resolveProviderChain). */
  providers?: ProviderName[];
}

export interface TryonPrompts {
  system: ActivePrompt;
  /** The mode's prompt (`top_only`, `full_outfit` or `one_piece`): the one a job records. */
  instruction: ActivePrompt;
}

export const PROMPT_TYPE_FOR_MODE: Record<TryonMode, PromptType> = {
  top: 'top_only',
  full: 'full_outfit',
  one_piece: 'one_piece',
};

/** The mode an instruction prompt type serves (`system` serves them all). */
export const MODE_FOR_PROMPT_TYPE: Record<Exclude<PromptType, 'system'>, TryonMode> = {
  top_only: 'top',
  full_outfit: 'full',
  one_piece: 'one_piece',
};

/**
 * The active version of one prompt type: the one the newest entry of the
 * type's activation log names (lib/prompts/activate-prompt-version.ts). One
 * log head means exactly one active version, whatever concurrent
 * activations did to the `active` flags, which are only a projection. A type
 * without a log yet falls back to the flag, newest version first.
 */
export async function resolveActivePrompt(type: PromptType): Promise<ActivePrompt> {
  const head = await readActivationHead(type);
  const doc = head ? await Prompt.findById(head.promptId).lean() : await readLegacyActive(type);
  if (!doc)
    throw new AppError(
      'misconfigured',
      `No active "${type}" prompt. Run the seed or activate a version.`,
    );
  return {
    id: doc._id.toString(),
    type: doc.type,
    version: doc.version,
    content: doc.content,
    ...(doc.provider ? { provider: doc.provider } : {}),
    ...(doc.model ? { model: doc.model } : {}),
    ...(doc.providers?.length ? { providers: [...doc.providers] } : {}),
  };
}

/** The system prompt and the instruction for a try-on mode, both at their active versions. */
export async function resolveTryonPrompts(mode: TryonMode): Promise<TryonPrompts> {
  const [system, instruction] = await Promise.all([
    resolveActivePrompt('system'),
    resolveActivePrompt(PROMPT_TYPE_FOR_MODE[mode]),
  ]);
  return { system, instruction };
}
