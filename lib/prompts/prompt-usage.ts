import { Types } from 'mongoose';
import { TryonJob, type PromptType } from '@/models';
import { promptReportCounts } from './prompt-report-counts';

export interface PromptUsage {
  jobs: number;
  completed: number;
  failed: number;
  /** completed / (completed + failed); null before any job finished. */
  successRate: number | null;
  /** Jobs their owner reported as "not right" (instruction prompts; 0 for system). */
  reported: number;
  /** reported / completed: which version loses garment details; null before any job completed. */
  reportRate: number | null;
}

export const EMPTY_USAGE: PromptUsage = {
  jobs: 0,
  completed: 0,
  failed: 0,
  successRate: null,
  reported: 0,
  reportRate: null,
};

/**
 * Jobs per prompt version and their outcome. Instruction versions are
 * counted through the job's `promptId`, system versions through
 * `systemPromptId`. One `$group` on a compound key with a single accumulator
 * (FerretDB computes only the first accumulator of a group).
 */
export async function promptUsage(
  type: PromptType,
  promptIds: readonly string[],
): Promise<Map<string, PromptUsage>> {
  const field = type === 'system' ? 'systemPromptId' : 'promptId';
  const ids = promptIds.map((id) => new Types.ObjectId(id));
  const rows = await TryonJob.aggregate<{ _id: { p: Types.ObjectId; s: string }; n: number }>([
    { $match: { [field]: { $in: ids } } },
    { $group: { _id: { p: `$${field}`, s: '$status' }, n: { $sum: 1 } } },
  ]);
  const usage = new Map<string, PromptUsage>();
  for (const r of rows) {
    const key = r._id.p.toString();
    const u = usage.get(key) ?? { ...EMPTY_USAGE };
    u.jobs += r.n;
    if (r._id.s === 'completed') u.completed += r.n;
    if (r._id.s === 'failed') u.failed += r.n;
    usage.set(key, u);
  }
  const reported =
    type === 'system' ? new Map<string, number>() : await promptReportCounts(promptIds);
  for (const [key, n] of reported) {
    const u = usage.get(key) ?? { ...EMPTY_USAGE };
    u.reported = n;
    usage.set(key, u);
  }
  for (const u of usage.values()) {
    const finished = u.completed + u.failed;
    u.successRate = finished ? u.completed / finished : null;
    u.reportRate = u.completed ? Math.min(1, u.reported / u.completed) : null;
  }
  return usage;
}
