import { recordAudit, type AuditActor, type RequestMeta } from '@/lib/audit';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { Prompt, type PromptType } from '@/models';
import { activatePromptVersion, type ActivationResult } from './activate-prompt-version';
import type { CreatePromptVersionBody } from './schemas';

const MAX_ATTEMPTS = 100;

export interface CreatedPromptVersion {
  id: string;
  type: PromptType;
  version: number;
  activation: ActivationResult | null;
}

const jitter = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 + attempt * 3)));

/**
 * Saves a new version of a prompt type (never edits an old one: jobs point
 * at versions). The number is the highest + 1 under the unique (type,
 * version) index; racing creators that take the same number retry with the
 * next. Audited; activated right away when asked.
 */
export async function createPromptVersion(input: {
  type: PromptType;
  body: CreatePromptVersionBody;
  actor: AuditActor;
  meta?: RequestMeta;
}): Promise<CreatedPromptVersion> {
  const { body } = input;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const last = await Prompt.findOne({ type: input.type }, { version: 1 })
      .sort({ version: -1 })
      .lean();
    const version = (last?.version ?? 0) + 1;
    let id: string;
    try {
      const doc = await Prompt.create({
        type: input.type,
        version,
        content: body.content,
        note: body.note,
        ...(body.provider ? { provider: body.provider } : {}),
        ...(body.model ? { model: body.model } : {}),
        ...(body.providers?.length ? { providers: body.providers } : {}),
        active: false,
        createdBy: input.actor.email ?? input.actor.userId,
      });
      id = doc._id.toString();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await jitter(attempt);
      continue;
    }
    await recordAudit({
      actor: input.actor,
      action: 'prompt.create',
      entity: { type: 'prompt', id: `${input.type}:v${version}` },
      before: null,
      after: {
        type: input.type,
        version,
        note: body.note,
        content: body.content,
        provider: body.provider ?? null,
        model: body.model ?? null,
        providers: body.providers ?? null,
      },
      ...(input.meta ? { meta: input.meta } : {}),
    });
    const activation = body.activate
      ? await activatePromptVersion({
          type: input.type,
          version,
          actor: input.actor,
          reason: `Activated on save: ${body.note}`,
          ...(input.meta ? { meta: input.meta } : {}),
        })
      : null;
    return { id, type: input.type, version, activation };
  }
  throw new AppError('conflict', 'Too many concurrent prompt edits; try again');
}
