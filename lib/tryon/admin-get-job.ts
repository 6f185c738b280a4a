import { findEntryByKey, type LedgerEntry } from '@/lib/credits';
import { notFound } from '@/lib/errors';
import { signImageUrl } from '@/lib/storage';
import { emailsByUserId } from '@/lib/users';
import { AdminOperation, type AdminOperationDoc } from '@/models';
import type { AdminJobDetailJson } from './admin-schemas';
import { serializeAdminJob, serializeLedgerRef } from './admin-serialize';
import { findJob } from './find-job';
import { refundKey, sampleRefundKey, usageKey } from './keys';

/**
 * The job's refund: `refund:<jobId>`, or for a several-sample job the last of its per-sample
 * shares once every share is back (a partial refund leaves the rest refundable).
 */
async function findJobRefund(id: string, samples: number) {
  if (samples <= 1) return findEntryByKey(refundKey(id));
  const shares = await Promise.all(
    Array.from({ length: samples }, (_, i) => findEntryByKey(sampleRefundKey(id, i + 1))),
  );
  return shares.every(Boolean) ? (shares[shares.length - 1] ?? null) : null;
}
import { adminJobRerollSection } from './report-admin-section';

/** Long enough to look at a job's images, short enough that a copied link soon stops working. */
const ADMIN_IMAGE_TTL_SECONDS = 15 * 60;

/** Whether an admin may refund a job now: finished, charged, not yet refunded. */
export function canRefundJob(
  status: string,
  charge: LedgerEntry | null,
  refund: LedgerEntry | null,
): boolean {
  return status !== 'queued' && status !== 'processing' && Boolean(charge) && !refund;
}

/**
 * One job for support: owner, timings, error, retries, prompt, provider,
 * what was charged and refunded (read from the ledger by the job's keys), and
 * signed links to its images. Admins never go through the owner-only image
 * route: the page signs links after checking `jobs:manage`.
 */
export async function adminGetJob(jobId: string, now = Date.now()): Promise<AdminJobDetailJson> {
  const job = await findJob(jobId);
  if (!job) throw notFound('Try-on job');
  const id = job._id.toString();
  const [emails, charge, refund, retries, reroll] = await Promise.all([
    emailsByUserId([job.userId]),
    findEntryByKey(usageKey(id)),
    findJobRefund(id, job.samples ?? 1),
    AdminOperation.find({ entityId: id, kind: 'tryon_job.retry' })
      .sort({ seq: 1 })
      .lean<AdminOperationDoc[]>(),
    adminJobRerollSection(job),
  ]);
  const sign = (assetId: unknown) =>
    assetId ? signImageUrl(String(assetId), ADMIN_IMAGE_TTL_SECONDS, now) : null;
  return {
    ...serializeAdminJob(job, emails.get(job.userId.toString()) ?? null, now),
    charge: charge ? serializeLedgerRef(charge) : null,
    refund: refund ? serializeLedgerRef(refund) : null,
    images: {
      user: sign(job.inputs?.userImageId),
      top: sign(job.inputs?.topImageId),
      bottom: sign(job.inputs?.bottomImageId),
      output: job.status === 'completed' ? sign(job.outputImageId) : null,
    },
    retries: retries.map((op) => ({
      seq: op.seq,
      status: op.status,
      reason: op.reason,
      actor_email: op.actorEmail ?? null,
      created_at: op.createdAt.toISOString(),
    })),
    can_retry: job.status === 'failed',
    can_refund: canRefundJob(job.status, charge, refund),
    ...reroll,
  };
}
