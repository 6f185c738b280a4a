import type { LedgerEntry } from '@/lib/credits';
import type { TryonJobDoc } from '@/models/tryon-job';
import type { AdminJobJson } from './admin-schemas';
import { publicFailure } from './generation-error';
import { STUCK_JOB_AFTER_MS } from './sweep-stuck-jobs';

/**
 * Stuck: still queued or processing past the sweeper's threshold (its run
 * died, or the sweeper has not come round yet). A re-queued job counts from
 * when an admin re-queued it.
 */
export function isJobStuck(
  job: Pick<TryonJobDoc, 'status' | 'startedAt' | 'queuedAt' | 'retriedAt'>,
  now = Date.now(),
): boolean {
  const cutoff = now - STUCK_JOB_AFTER_MS;
  if (job.status === 'processing') return (job.startedAt?.getTime() ?? now) < cutoff;
  if (job.status === 'queued') {
    const since = Math.max(job.queuedAt.getTime(), job.retriedAt?.getTime() ?? 0);
    return since < cutoff;
  }
  return false;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A job for admins: everything the owner sees plus owner, prompt, retries and stuck state. */
export function serializeAdminJob(
  job: TryonJobDoc,
  email: string | null,
  now = Date.now(),
): AdminJobJson {
  return {
    id: job._id.toString(),
    status: job.status,
    stuck: isJobStuck(job, now),
    mode: job.mode,
    source: job.source?.kind ?? 'web',
    user: { id: job.userId.toString(), email },
    provider: job.provider ?? null,
    model: job.model ?? null,
    prompt: job.promptId
      ? { id: job.promptId.toString(), version: job.promptVersion ?? null }
      : null,
    credits_used: job.creditsUsed,
    // What the owner sees, and (admins only) what actually happened.
    error: job.error?.code ? publicFailure(job.error.code) : null,
    error_detail: job.errorDetail?.code
      ? { code: job.errorDetail.code, message: job.errorDetail.message ?? '' }
      : job.error?.code
        ? { code: job.error.code, message: job.error.message ?? job.error.code }
        : null,
    retry_count: job.retryCount ?? 0,
    admin_retries: job.adminRetries ?? 0,
    queued_at: job.queuedAt.toISOString(),
    started_at: iso(job.startedAt),
    completed_at: iso(job.completedAt),
    retried_at: iso(job.retriedAt),
    processing_ms: job.processingMs != null ? Math.round(job.processingMs) : null,
  };
}

export function serializeLedgerRef(e: LedgerEntry) {
  return {
    entry_id: e.id,
    credits: e.credits,
    description: e.description,
    actor: { type: e.actor.type, id: e.actor.id ?? null },
    created_at: e.createdAt.toISOString(),
  };
}
