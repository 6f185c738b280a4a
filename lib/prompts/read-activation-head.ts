import { Prompt, PromptActivation, type PromptType } from '@/models';

export interface ActivationHead {
  seq: number;
  promptId: string;
  version: number;
  previousVersion?: number;
  actorId: string;
  actorEmail?: string;
  reason?: string;
  createdAt: Date;
}

/**
 * The newest entry of a type's activation log: it names the active version.
 * The log is small (one entry per activation), so the sorted read is cheap
 * even where FerretDB scans.
 */
export async function readActivationHead(type: PromptType): Promise<ActivationHead | null> {
  const doc = await PromptActivation.findOne({ type }).sort({ seq: -1 }).lean();
  if (!doc) return null;
  return {
    seq: doc.seq,
    promptId: doc.promptId.toString(),
    version: doc.version,
    ...(doc.previousVersion != null ? { previousVersion: doc.previousVersion } : {}),
    actorId: doc.actorId,
    ...(doc.actorEmail ? { actorEmail: doc.actorEmail } : {}),
    ...(doc.reason ? { reason: doc.reason } : {}),
    createdAt: doc.createdAt,
  };
}

/**
 * Before a type has an activation log (data from before the log existed):
 * the `active` flag, newest version first.
 */
export async function readLegacyActive(type: PromptType) {
  return Prompt.findOne({ type, active: true }).sort({ version: -1 }).lean();
}
