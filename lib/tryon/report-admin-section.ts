import { TryonReport } from '@/models/tryon-report';
import type { TryonJobDoc } from '@/models/tryon-job';
import type { AdminJobDetailJson } from './admin-schemas';
import { MAX_REPORTS_PER_JOB } from './report-limits';

type RerollSection = Pick<
  AdminJobDetailJson,
  'provider_attempts' | 'reports' | 'reroll_of' | 'reroll_job_id'
>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The admin job page's failover attempts, "not right" reports and re-roll links. */
export async function adminJobRerollSection(job: TryonJobDoc): Promise<RerollSection> {
  const reports = await TryonReport.find({ jobId: job._id })
    .sort({ seq: 1 })
    .limit(MAX_REPORTS_PER_JOB)
    .lean();
  return {
    provider_attempts: (job.providerAttempts ?? []).map((a) => ({
      provider: a.provider,
      model: a.model ?? null,
      ok: a.ok,
      code: a.code ?? null,
      ms: a.ms != null ? Math.round(a.ms) : null,
      at: iso(a.at),
      sample: a.sample ?? null,
    })),
    reports: reports.map((r) => ({
      seq: r.seq,
      reason: r.reason,
      note: r.note ?? null,
      regenerated: r.regenerated,
      reroll_job_id: r.rerollJobId?.toString() ?? null,
      created_at: (r.createdAt ?? new Date(0)).toISOString(),
    })),
    reroll_of: job.rerollOf?.toString() ?? null,
    reroll_job_id: job.rerollJobId?.toString() ?? null,
  };
}
