import { notFound } from '@/lib/errors';
import { Prompt, type PromptType } from '@/models';
import {
  diffSideBySide,
  diffStats,
  diffWords,
  type DiffPart,
  type SideBySideRow,
} from './diff-text';

export interface PromptComparison {
  type: PromptType;
  from: { version: number; provider: string | null; model: string | null; note: string | null };
  to: { version: number; provider: string | null; model: string | null; note: string | null };
  words: DiffPart[];
  lines: SideBySideRow[];
  stats: { added: number; removed: number };
  /** Settings that differ besides the text. */
  settingsChanged: Array<{ field: 'provider' | 'model'; from: string | null; to: string | null }>;
}

/** The difference between two versions of a prompt type: word-level and side by side. */
export async function comparePromptVersions(
  type: PromptType,
  fromVersion: number,
  toVersion: number,
): Promise<PromptComparison> {
  const [a, b] = await Promise.all([
    Prompt.findOne({ type, version: fromVersion }).lean(),
    Prompt.findOne({ type, version: toVersion }).lean(),
  ]);
  if (!a) throw notFound(`${type} prompt version ${fromVersion}`);
  if (!b) throw notFound(`${type} prompt version ${toVersion}`);
  const words = diffWords(a.content, b.content);
  const side = (d: typeof a) => ({
    version: d.version,
    provider: d.provider ?? null,
    model: d.model ?? null,
    note: d.note ?? null,
  });
  const from = side(a);
  const to = side(b);
  return {
    type,
    from,
    to,
    words,
    lines: diffSideBySide(a.content, b.content),
    stats: diffStats(words),
    settingsChanged: (['provider', 'model'] as const)
      .filter((f) => from[f] !== to[f])
      .map((field) => ({ field, from: from[field], to: to[field] })),
  };
}
