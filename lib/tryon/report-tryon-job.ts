import { insertOnce } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { TryonReport, type ReportReason } from '@/models/tryon-report';
import { claimRerollSlot } from './claim-reroll-slot';
import { getTryonJobOrThrow } from './get-tryon-job-or-throw';
import { MAX_REPORTS_PER_JOB } from './report-limits';
import type { ReportTryonResponse } from './report-schemas';
import { startRerollJob } from './start-reroll-job';

export interface ReportTryonInput {
  /** The account that owns the job (a user or an organisation). */
  ownerId: string;
  /** The person reporting (rate limits, the ledger entry's actor). */
  actorUserId: string;
  jobId: string;
  reason: ReportReason;
  note?: string;
  /** The caller's data space: false for a test key (its test jobs only). Default live. */
  livemode?: boolean;
}

const reportId = (jobId: string, seq: number) => `${jobId}:${seq}`;

/** A first report this old whose re-roll never started was left by a run that died. */
export const REROLL_RESUME_AFTER_MS = 60_000;
const isAbandoned = (at: Date | null | undefined, now = Date.now()) =>
  !at || now - at.getTime() > REROLL_RESUME_AFTER_MS;

function reportFields(job: TryonJobDoc, input: ReportTryonInput) {
  return {
    jobId: job._id,
    userId: job.userId,
    actorUserId: input.actorUserId,
    reason: input.reason,
    ...(input.note ? { note: input.note } : {}),
    mode: job.mode,
    ...(job.promptId ? { promptId: job.promptId } : {}),
    ...(job.promptVersion != null ? { promptVersion: job.promptVersion } : {}),
    ...(job.provider ? { provider: job.provider } : {}),
    ...(job.model ? { model: job.model } : {}),
  };
}

/** A later report: recorded under the next free number (up to the cap), never regenerating. */
async function recordLaterReport(job: TryonJobDoc, input: ReportTryonInput): Promise<void> {
  const id = job._id.toString();
  for (let seq = 2; seq <= MAX_REPORTS_PER_JOB; seq += 1) {
    const res = await insertOnce(TryonReport, {
      _id: reportId(id, seq),
      seq,
      regenerated: false,
      ...reportFields(job, input),
    });
    if (res.status === 'inserted') return;
  }
  throw new AppError('conflict', 'This try-on has already been reported', {
    details: { job_id: id, reports: MAX_REPORTS_PER_JOB },
  });
}

function answer(
  job: TryonJobDoc,
  reason: ReportReason,
  regenerated: boolean,
  rerollJobId: string | null,
  why: ReportTryonResponse['not_regenerated_reason'],
): ReportTryonResponse {
  return {
    job_id: job._id.toString(),
    reason,
    regenerated,
    reroll_job_id: rerollJobId,
    not_regenerated_reason: why,
  };
}

/**
 * The owner says a completed try-on is "not right". The job's FIRST report
 * regenerates it once at no cost (startRerollJob); any later report — and a
 * report on a re-roll itself — is recorded and answers `regenerated: false`.
 * Race-safe without transactions: the insert of report `<jobId>:1` decides
 * which of concurrent first reports re-rolls; the person's daily free
 * re-rolls are claimed slots (429 `reroll_limit_reached` when used up,
 * nothing recorded, so the report can be made again tomorrow).
 */
export async function reportTryonJob(input: ReportTryonInput): Promise<ReportTryonResponse> {
  const job = await getTryonJobOrThrow(input.ownerId, input.jobId, {
    ...(input.livemode === false ? { livemode: false } : {}),
  });
  if (job.status !== 'completed') {
    throw new AppError('invalid_state', 'Only a finished try-on can be reported', {
      details: { status: job.status },
    });
  }
  const id = job._id.toString();
  if (job.rerollOf) {
    await recordLaterReport(job, input);
    return answer(job, input.reason, false, null, 'is_reroll');
  }
  const firstReport = await TryonReport.findById(reportId(id, 1)).lean();
  if (firstReport) {
    await recordLaterReport(job, input);
    const fresh = await TryonJob.findById(job._id, { rerollJobId: 1 }).lean();
    let rerollId = fresh?.rerollJobId?.toString() ?? null;
    if (!rerollId && firstReport.regenerated && isAbandoned(firstReport.createdAt)) {
      // The first report's run died before its re-roll started: start (or finish) it now.
      const reroll = await startRerollJob(
        job,
        firstReport.actorUserId?.toString() ?? input.actorUserId,
      );
      await TryonReport.updateOne({ _id: reportId(id, 1) }, { $set: { rerollJobId: reroll._id } });
      rerollId = reroll._id.toString();
    }
    return answer(job, input.reason, false, rerollId, 'already_rerolled');
  }

  const slot = await claimRerollSlot(input.actorUserId);
  const first = await insertOnce(TryonReport, {
    _id: reportId(id, 1),
    seq: 1,
    regenerated: true,
    ...reportFields(job, input),
  });
  if (first.status === 'existing') {
    // A concurrent report got there first: it re-rolls, this one is feedback.
    await slot.release();
    await recordLaterReport(job, input);
    const fresh = await TryonJob.findById(job._id, { rerollJobId: 1 }).lean();
    return answer(
      job,
      input.reason,
      false,
      fresh?.rerollJobId?.toString() ?? null,
      'already_rerolled',
    );
  }
  await TryonJob.updateOne(
    { _id: job._id },
    {
      $set: {
        report: {
          reason: input.reason,
          ...(input.note ? { note: input.note } : {}),
          at: new Date(),
        },
      },
    },
  );
  const reroll = await startRerollJob(job, input.actorUserId);
  await TryonReport.updateOne({ _id: reportId(id, 1) }, { $set: { rerollJobId: reroll._id } });
  return answer(job, input.reason, true, reroll._id.toString(), null);
}
