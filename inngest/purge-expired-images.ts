import { env } from '@/lib/env';
import { pruneJobClaims } from '@/lib/jobs/prune-job-claims';
import { deleteExpiredImages } from '@/lib/storage';
import { defineFunction } from './define';

/**
 * Daily: images older than RETENTION_DAYS, not used by a recent job, are
 * deleted; so are job claims (cron ticks, webhook attempts) past their use.
 */
export const purgeExpiredImages = defineFunction<
  Record<string, unknown>,
  { deleted: number; kept: number; claimsPruned: number }
>({
  id: 'purge-expired-images',
  trigger: { cron: '17 3 * * *' },
  retries: 2,
  inlineIntervalMs: 6 * 60 * 60 * 1000,
  handler: async ({ step }) => {
    const result = await step.run('delete-expired-images', () =>
      deleteExpiredImages(new Date(Date.now() - env.RETENTION_DAYS * 24 * 60 * 60 * 1000)),
    );
    const claims = await step.run('prune-job-claims', () => pruneJobClaims());
    return { deleted: result.deleted, kept: result.kept, claimsPruned: claims.deleted };
  },
});
