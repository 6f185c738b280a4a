import { TryonJob } from '@/models/tryon-job';

/** A job still queued or processing after this long is stuck: its run died. */
export const STUCK_JOB_AFTER_MS = 15 * 60 * 1000;

/**
 * Ids of jobs stuck in `processing` (started long ago) or `queued` (never
 * started), oldest first. The sweeper fails and refunds each one.
 */
export async function findStuckJobs(
  opts: { now?: Date; olderThanMs?: number; limit?: number } = {},
): Promise<string[]> {
  const cutoff = new Date(
    (opts.now ?? new Date()).getTime() - (opts.olderThanMs ?? STUCK_JOB_AFTER_MS),
  );
  const limit = opts.limit ?? 100;
  const [processing, queued] = await Promise.all([
    TryonJob.find({ status: 'processing', startedAt: { $lt: cutoff } }, { _id: 1 })
      .sort({ startedAt: 1 })
      .limit(limit)
      .lean(),
    // A job an admin re-queued counts from the retry, not from its first queueing.
    TryonJob.find(
      {
        status: 'queued',
        queuedAt: { $lt: cutoff },
        $or: [{ retriedAt: { $exists: false } }, { retriedAt: { $lt: cutoff } }],
      },
      { _id: 1 },
    )
      .sort({ queuedAt: 1 })
      .limit(limit)
      .lean(),
  ]);
  return [...processing, ...queued].slice(0, limit).map((j) => j._id.toString());
}

export const STUCK_REASON = {
  code: 'timeout',
  message: 'The try-on took too long and was stopped. Your credits were refunded.',
} as const;
