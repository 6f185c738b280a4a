import { buildOpenAIPrompt } from '@/lib/ai/openai-provider';
import { resolveProviderForMode, type ProviderSettings } from '@/lib/ai/resolve-provider';
import type { ProviderName } from '@/lib/ai/types';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { Prompt, type PromptType } from '@/models';
import type { TryonMode } from '@/models/tryon-job';
import {
  MODE_FOR_PROMPT_TYPE,
  PROMPT_TYPE_FOR_MODE,
  resolveActivePrompt,
  type ActivePrompt,
} from './resolve-active-prompt';

export interface PromptPreview {
  mode: TryonMode;
  provider: ProviderName;
  model: string;
  /** Where the provider choice came from. */
  providerSource: 'prompt override' | 'configuration';
  system: { version: number; content: string };
  instruction: { type: PromptType; version: number; content: string };
  /** Gemini: the system instruction, sent apart from the text part. */
  systemInstruction: string | null;
  /** The text the provider receives. */
  text: string;
  /** The images, in the order they are sent. */
  images: string[];
  /** The local compositor does not read prompts; it is a preview stand-in. */
  promptIgnored: boolean;
}

const IMAGES: Record<TryonMode, string[]> = {
  top: ['Person photo', 'Top garment'],
  full: ['Person photo', 'Top garment', 'Bottom garment'],
  one_piece: ['Person photo', 'One-piece garment'],
};

/** What a job of `mode` would send with these two prompts (pure; mirrors lib/ai's providers). */
export function buildPromptPreview(
  mode: TryonMode,
  system: Pick<ActivePrompt, 'version' | 'content'>,
  instruction: Pick<ActivePrompt, 'type' | 'version' | 'content' | 'provider' | 'model'>,
  settings: ProviderSettings = env,
): PromptPreview {
  const choice = resolveProviderForMode(mode, instruction, settings);
  const gemini = choice.provider === 'gemini';
  return {
    mode,
    provider: choice.provider,
    model: choice.model,
    providerSource:
      instruction.provider && instruction.provider === choice.provider
        ? 'prompt override'
        : 'configuration',
    system: { version: system.version, content: system.content },
    instruction: {
      type: instruction.type,
      version: instruction.version,
      content: instruction.content,
    },
    systemInstruction: gemini ? system.content : null,
    text: gemini
      ? instruction.content
      : buildOpenAIPrompt({ systemPrompt: system.content, instruction: instruction.content, mode }),
    images: IMAGES[mode],
    promptIgnored: choice.provider === 'local',
  };
}

function toActive(doc: {
  _id: { toString(): string };
  type: PromptType;
  version: number;
  content: string;
  provider?: ProviderName | null;
  model?: string | null;
}): ActivePrompt {
  return {
    id: doc._id.toString(),
    type: doc.type,
    version: doc.version,
    content: doc.content,
    ...(doc.provider ? { provider: doc.provider } : {}),
    ...(doc.model ? { model: doc.model } : {}),
  };
}

/**
 * What jobs would send if `version` of `type` were active (the other types
 * at their active versions): both modes for `system`, one mode otherwise.
 * Without a version, the active one.
 */
export async function previewPromptVersion(
  type: PromptType,
  version?: number,
): Promise<PromptPreview[]> {
  let chosen: ActivePrompt;
  if (version === undefined) chosen = await resolveActivePrompt(type);
  else {
    const doc = await Prompt.findOne({ type, version }).lean();
    if (!doc) throw notFound(`${type} prompt version ${version}`);
    chosen = toActive(doc);
  }
  const modes: TryonMode[] =
    type === 'system' ? ['top', 'full', 'one_piece'] : [MODE_FOR_PROMPT_TYPE[type]];
  return Promise.all(
    modes.map(async (mode) => {
      const system = type === 'system' ? chosen : await resolveActivePrompt('system');
      const instruction =
        type === 'system' ? await resolveActivePrompt(PROMPT_TYPE_FOR_MODE[mode]) : chosen;
      return buildPromptPreview(mode, system, instruction);
    }),
  );
}
