import { z } from 'zod';
import { PROVIDERS } from '@/lib/ai/types';
import type { PromptType } from '@/models/enums';

// Client-safe: the editor form validates with these schemas too, so nothing
// here may import a model at runtime (type imports are erased).
export const PROMPT_TYPE_LIST = ['system', 'top_only', 'full_outfit', 'one_piece'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesMatch: Same<(typeof PROMPT_TYPE_LIST)[number], PromptType> = true;
void typesMatch;

export const PROMPT_TYPE_LABELS: Record<PromptType, string> = {
  system: 'System',
  top_only: 'Top only',
  full_outfit: 'Full outfit',
  one_piece: 'One-piece',
};

export const PROMPT_TYPE_HINTS: Record<PromptType, string> = {
  system: 'Sent with every try-on, every mode: who the model is and what it must never change.',
  top_only: 'The instruction for a top-only try-on (person photo + one garment).',
  full_outfit: 'The instruction for a full outfit (person photo + top + bottom).',
  one_piece: 'The instruction for a one-piece garment (person photo + a dress or jumpsuit).',
};

export const PROMPT_CONTENT_MAX = 20_000;

export const promptTypeParam = z.object({ type: z.enum(PROMPT_TYPE_LIST) });

export const createPromptVersionBody = z
  .object({
    content: z
      .string()
      .trim()
      .min(20, 'a prompt needs at least 20 characters')
      .max(PROMPT_CONTENT_MAX, `at most ${PROMPT_CONTENT_MAX.toLocaleString('en')} characters`),
    note: z.string().trim().min(3, 'say what changed (at least 3 characters)').max(500),
    /** Overrides the configured provider for jobs using this version. */
    provider: z.enum(PROVIDERS).optional(),
    model: z
      .string()
      .trim()
      .regex(/^[\w.:/-]+$/, 'letters, digits and . _ - : / only')
      .max(100)
      .optional(),
    /** The failover order of providers for jobs using this version (a retryable outage moves on). */
    providers: z
      .array(z.enum(PROVIDERS, { error: 'use gemini, openai or local' }))
      .min(1)
      .max(PROVIDERS.length)
      .refine((l) => new Set(l).size === l.length, 'name each provider once')
      .optional(),
    /** Make this the active version right away. */
    activate: z.boolean().default(false),
  })
  .refine((b) => !b.model || b.provider, {
    message: 'a model override needs the provider it belongs to',
    path: ['model'],
  })
  .meta({ id: 'AdminPromptVersionCreate' });
export type CreatePromptVersionBody = z.infer<typeof createPromptVersionBody>;

export const activatePromptBody = z
  .object({
    version: z.number().int().min(1),
    reason: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'AdminPromptActivate' });
export type ActivatePromptBody = z.infer<typeof activatePromptBody>;

export const comparePromptQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const previewPromptQuery = z.object({
  version: z.coerce.number().int().min(1).optional(),
});

export const promptUsageJson = z.object({
  jobs: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  /** completed / (completed + failed); null before any job finished. */
  success_rate: z.number().nullable(),
  /** Jobs reported "not right" by their owner (instruction prompts). */
  reported: z.number().int(),
  /** reported / completed; null before any job completed. */
  report_rate: z.number().nullable(),
});

export const promptVersionJson = z.object({
  id: z.string(),
  type: z.enum(PROMPT_TYPE_LIST),
  version: z.number().int(),
  content: z.string(),
  note: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  provider: z.enum(PROVIDERS).nullable(),
  model: z.string().nullable(),
  /** The version's failover order; empty: the configured TRYON_PROVIDERS_<MODE>. */
  providers: z.array(z.enum(PROVIDERS)),
  active: z.boolean(),
  usage: promptUsageJson,
});
export type PromptVersionJson = z.infer<typeof promptVersionJson>;

export const promptActivationJson = z.object({
  seq: z.number().int(),
  version: z.number().int(),
  previous_version: z.number().int().nullable(),
  actor: z.string().nullable(),
  reason: z.string().nullable(),
  created_at: z.string(),
});
export type PromptActivationJson = z.infer<typeof promptActivationJson>;

export const promptTypeJson = z.object({
  type: z.enum(PROMPT_TYPE_LIST),
  active_version: z.number().int().nullable(),
  versions: z.array(promptVersionJson),
  activations: z.array(promptActivationJson),
});
export type PromptTypeJson = z.infer<typeof promptTypeJson>;

export const promptTypeSummaryJson = z.object({
  type: z.enum(PROMPT_TYPE_LIST),
  active_version: z.number().int().nullable(),
  latest_version: z.number().int().nullable(),
  versions: z.number().int(),
  activated_at: z.string().nullable(),
  activated_by: z.string().nullable(),
});
export type PromptTypeSummaryJson = z.infer<typeof promptTypeSummaryJson>;
