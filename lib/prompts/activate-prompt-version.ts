import type { Types } from 'mongoose';
import { recordAudit, type AuditActor, type RequestMeta } from '@/lib/audit';
import { appendAtNextSeq, insertOnce, seqId } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { logger } from '@/lib/log';
import { Prompt, PromptActivation, type PromptType } from '@/models';
import { projectActiveFlag } from './project-active-flag';
import { readActivationHead, readLegacyActive, type ActivationHead } from './read-activation-head';

const MAX_ATTEMPTS = 100;

export interface ActivationResult {
  type: PromptType;
  version: number;
  previousVersion: number | null;
  /** False when the version was already active (nothing written, nothing audited). */
  changed: boolean;
  seq: number;
}

interface LogHead {
  seq: number;
  head: ActivationHead | null;
  previous: { version: number; promptId: string } | null;
}

async function readLogHead(type: PromptType): Promise<LogHead> {
  const head = await readActivationHead(type);
  const previous = head
    ? { version: head.version, promptId: head.promptId }
    : await readLegacyActive(type).then((d) =>
        d ? { version: d.version, promptId: d._id.toString() } : null,
      );
  return { seq: head?.seq ?? 0, head, previous };
}

/**
 * Makes `version` the active one of its type — also the way to roll back.
 * Appends an entry at the next `seq` of the type's activation log (`_id`
 * `<type>:<seq>`, unique): of racing activators exactly one takes each seq,
 * the others re-read the head and append after it, so the log is a total
 * order and its head is the one active version. Then projects the `active`
 * flags and writes the audit entry.
 */
export async function activatePromptVersion(input: {
  type: PromptType;
  version: number;
  actor: AuditActor;
  reason?: string;
  meta?: RequestMeta;
}): Promise<ActivationResult> {
  const prompt = await Prompt.findOne({ type: input.type, version: input.version }).lean();
  if (!prompt) throw notFound(`${input.type} prompt version ${input.version}`);

  const promptId = prompt._id;
  return appendAtNextSeq<LogHead, ActivationResult>({
    readHead: () => readLogHead(input.type),
    maxAttempts: MAX_ATTEMPTS,
    exhausted: () => new AppError('conflict', 'Too many concurrent activations; try again'),
    tryAppend: async ({ head, previous }) => {
      if (previous?.promptId === promptId.toString()) {
        // Already active: a repeat click or a concurrent activation of the same version.
        if (head) await projectActiveFlag(input.type);
        else await ensureLogged(input.type, promptId, prompt.version, input.actor);
        return {
          done: {
            type: input.type,
            version: input.version,
            previousVersion: previous.version,
            changed: false,
            seq: head?.seq ?? 1,
          },
        };
      }
      const seq = (head?.seq ?? 0) + 1;
      const appended = await insertOnce(PromptActivation, {
        _id: seqId(input.type, seq),
        type: input.type,
        seq,
        promptId,
        version: prompt.version,
        ...(previous ? { previousVersion: previous.version } : {}),
        actorId: input.actor.userId,
        ...(input.actor.email ? { actorEmail: input.actor.email } : {}),
        ...(input.reason ? { reason: input.reason.slice(0, 500) } : {}),
      });
      if (appended.status === 'existing') return { taken: true };
      const projected = await projectActiveFlag(input.type);
      if (!projected)
        logger.warn({ type: input.type, seq }, 'prompt active flags still converging');
      await recordAudit({
        actor: input.actor,
        action: 'prompt.activate',
        entity: { type: 'prompt', id: `${input.type}:v${prompt.version}` },
        before: previous ? { type: input.type, activeVersion: previous.version } : null,
        after: { type: input.type, activeVersion: prompt.version, activationSeq: seq },
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.meta ? { meta: input.meta } : {}),
      });
      return {
        done: {
          type: input.type,
          version: prompt.version,
          previousVersion: previous?.version ?? null,
          changed: true,
          seq,
        },
      };
    },
  });
}

/** Writes the first log entry for a type whose active version predates the log. */
async function ensureLogged(
  type: PromptType,
  promptId: Types.ObjectId,
  version: number,
  actor: AuditActor,
): Promise<void> {
  // Of racing starters one writes it; the rest find it written.
  await insertOnce(PromptActivation, {
    _id: seqId(type, 1),
    type,
    seq: 1,
    promptId,
    version,
    actorId: actor.userId,
    reason: 'activation log started',
  });
}

/**
 * Starts the activation log of a type from its current active flag (the seed,
 * and data written before the log existed). Safe to run any number of times.
 */
export async function ensureActivationLog(type: PromptType, actorId = 'seed'): Promise<void> {
  if (await readActivationHead(type)) return;
  const legacy = await readLegacyActive(type);
  if (!legacy) return;
  await ensureLogged(type, legacy._id, legacy.version, { userId: actorId });
  await projectActiveFlag(type);
}
