import { connectDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prompt, type PromptType } from '@/models/prompt';
import type { TryonMode } from '@/models/tryon-job';

export type ProviderName = 'local' | 'gemini' | 'openai';

export interface ActivePrompt {
  id: string;
  type: PromptType;
  version: number;
  content: string;
  /** Per-prompt override of the configured provider/model. */
  provider?: ProviderName;
  model?: string;
}

export interface TryonPrompts {
  system: ActivePrompt;
  /** The `top_only` or `full_outfit` prompt: the one a job records. */
  instruction: ActivePrompt;
}

export const PROMPT_TYPE_FOR_MODE: Record<TryonMode, PromptType> = {
  top: 'top_only',
  full: 'full_outfit',
};

/**
 * The active version of one prompt type. Exactly one version per type should
 * be active; if an edit left two (FerretDB updates are not atomic), the newest
 * version wins so that the choice is deterministic.
 */
export async function resolveActivePrompt(type: PromptType): Promise<ActivePrompt> {
  await connectDb();
  const doc = await Prompt.findOne({ type, active: true }).sort({ version: -1 }).lean();
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
