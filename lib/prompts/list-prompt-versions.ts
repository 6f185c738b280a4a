import { Prompt, PromptActivation, type PromptType } from '@/models';
import { PROMPT_TYPES } from '@/models/prompt';
import type { ProviderName } from './resolve-active-prompt';
import { EMPTY_USAGE, promptUsage, type PromptUsage } from './prompt-usage';
import { readActivationHead, readLegacyActive } from './read-activation-head';

export interface PromptVersion {
  id: string;
  type: PromptType;
  version: number;
  content: string;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
  provider: ProviderName | null;
  model: string | null;
  providers: ProviderName[];
  active: boolean;
  usage: PromptUsage;
}

export interface PromptActivationEntry {
  seq: number;
  version: number;
  previousVersion: number | null;
  actor: string | null;
  reason: string | null;
  createdAt: Date;
}

export interface PromptTypeDetail {
  type: PromptType;
  activeVersion: number | null;
  /** Newest first. */
  versions: PromptVersion[];
  /** Newest first, at most 50. */
  activations: PromptActivationEntry[];
}

/** The active version of a type as readers see it: the log head, else the legacy flag. */
async function activeVersionOf(type: PromptType): Promise<{ id: string; version: number } | null> {
  const head = await readActivationHead(type);
  if (head) return { id: head.promptId, version: head.version };
  const legacy = await readLegacyActive(type);
  return legacy ? { id: legacy._id.toString(), version: legacy.version } : null;
}

/** Every version of a prompt type with its usage, and the activation history. */
export async function listPromptVersions(type: PromptType): Promise<PromptTypeDetail> {
  const [docs, active, log] = await Promise.all([
    Prompt.find({ type }).sort({ version: -1 }).lean(),
    activeVersionOf(type),
    PromptActivation.find({ type }).sort({ seq: -1 }).limit(50).lean(),
  ]);
  const usage = await promptUsage(
    type,
    docs.map((d) => d._id.toString()),
  );
  return {
    type,
    activeVersion: active?.version ?? null,
    versions: docs.map((d) => ({
      id: d._id.toString(),
      type: d.type,
      version: d.version,
      content: d.content,
      note: d.note ?? null,
      createdBy: d.createdBy ?? null,
      createdAt: d.createdAt,
      provider: d.provider ?? null,
      providers: d.providers ? [...d.providers] : [],
      model: d.model ?? null,
      active: active?.id === d._id.toString(),
      usage: usage.get(d._id.toString()) ?? { ...EMPTY_USAGE },
    })),
    activations: log.map((a) => ({
      seq: a.seq,
      version: a.version,
      previousVersion: a.previousVersion ?? null,
      actor: a.actorEmail ?? a.actorId ?? null,
      reason: a.reason ?? null,
      createdAt: a.createdAt,
    })),
  };
}

export interface PromptTypeSummary {
  type: PromptType;
  activeVersion: number | null;
  latestVersion: number | null;
  versions: number;
  activatedAt: Date | null;
  activatedBy: string | null;
}

/** One line per prompt type for the prompts overview. */
export async function listPromptTypes(): Promise<PromptTypeSummary[]> {
  return Promise.all(
    PROMPT_TYPES.map(async (type) => {
      const [head, active, count, latest] = await Promise.all([
        readActivationHead(type),
        activeVersionOf(type),
        Prompt.countDocuments({ type }),
        Prompt.findOne({ type }, { version: 1 }).sort({ version: -1 }).lean(),
      ]);
      return {
        type,
        activeVersion: active?.version ?? null,
        latestVersion: latest?.version ?? null,
        versions: count,
        activatedAt: head?.createdAt ?? null,
        activatedBy: head ? (head.actorEmail ?? head.actorId) : null,
      };
    }),
  );
}
