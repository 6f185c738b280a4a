import { finishAccountDeletions as finish } from '@/lib/users/finish-account-deletions';
import { defineFunction } from './define';

/** Daily: removes jobs and images that reached a deleted account after its deletion. */
export const finishAccountDeletions = defineFunction<Record<string, unknown>, { finished: number }>(
  {
    id: 'finish-account-deletions',
    trigger: { cron: '41 3 * * *' },
    retries: 2,
    inlineIntervalMs: 6 * 60 * 60 * 1000,
    handler: async ({ step }) => {
      const result = await step.run('finish-deletions', () => finish());
      return { finished: result.finished.length };
    },
  },
);
