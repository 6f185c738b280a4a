import { pruneCapEntries } from '@/lib/caps';
import { env } from '@/lib/env';
import { pruneJobClaims } from '@/lib/jobs/prune-job-claims';
import { deleteExpiredPhotos } from '@/lib/photos';
import { deleteExpiredImages, sweepOrphanObjects } from '@/lib/storage';
import { defineFunction } from './define';

/**
 * Daily: saved photos past their chosen retention are deleted; images older
 * than RETENTION_DAYS, not used by a recent job or a saved photo, are
 * deleted; so are job claims (cron ticks, webhook attempts) past their use,
 * and bucket objects no image points at after a day's grace.
 */
export const purgeExpiredImages = defineFunction<
  Record<string, unknown>,
  { deleted: number; kept: number; claimsPruned: number; orphanObjectsDeleted: number }
>({
  id: 'purge-expired-images',
  trigger: { cron: '17 3 * * *' },
  retries: 2,
  inlineIntervalMs: 6 * 60 * 60 * 1000,
  handler: async ({ step }) => {
    // Saved photos past the retention their owner chose go first, so their images are unreferenced.
    await step.run('delete-expired-photos', () => deleteExpiredPhotos());
    const result = await step.run('delete-expired-images', () =>
      deleteExpiredImages(new Date(Date.now() - env.RETENTION_DAYS * 24 * 60 * 60 * 1000)),
    );
    const claims = await step.run('prune-job-claims', () => pruneJobClaims());
    // Spend-cap counters of periods long over (lib/caps keeps them 35 days for support).
    await step.run('prune-cap-entries', () => pruneCapEntries());
    const orphans = await step.run('sweep-orphan-objects', () => sweepOrphanObjects());
    return {
      deleted: result.deleted,
      kept: result.kept,
      claimsPruned: claims.deleted,
      orphanObjectsDeleted: orphans.deleted,
    };
  },
});
