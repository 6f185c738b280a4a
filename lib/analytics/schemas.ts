import { z } from 'zod';

export const analyticsQuery = z.object({
  range: z
    .enum(['7', '30', '90'])
    .default('30')
    .transform((r) => Number(r) as 7 | 30 | 90),
});

export const rollupBody = z
  .object({
    /** Days ending today to recompute (a backfill: up to a year). */
    days: z.number().int().min(1).max(366).default(90),
  })
  .meta({ id: 'AdminAnalyticsRollup' });
