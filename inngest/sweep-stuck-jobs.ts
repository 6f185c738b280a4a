import { failAndRefundJob, findStuckJobs, STUCK_REASON } from '@/lib/tryon';
import { defineFunction } from './define';

/**
 * Every 5 minutes: jobs stuck in `queued` or `processing` for more than 15
 * minutes (their run died: a crashed inline process, a lost event) are
 * failed and refunded once — the same keyed path as onFailure.
 */
export const sweepStuckJobs = defineFunction<Record<string, unknown>, { swept: number }>({
  id: 'sweep-stuck-jobs',
  trigger: { cron: '*/5 * * * *' },
  retries: 2,
  inlineIntervalMs: 60_000,
  handler: async ({ step }) => {
    const ids = await step.run('find-stuck-jobs', () => findStuckJobs());
    let swept = 0;
    for (const jobId of ids) {
      const result = await step.run(`fail-${jobId}`, () =>
        failAndRefundJob(jobId, STUCK_REASON, { preferRecorded: false }),
      );
      if (result.status === 'failed') swept += 1;
    }
    return { swept };
  },
});
