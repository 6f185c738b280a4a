import { z } from 'zod';

/** The merchant dashboard's query: a range of UTC days ending today, and the CSV table to export. */
export const orgDashboardQuery = z.object({
  range: z
    .enum(['7', '30', '90'])
    .default('30')
    .transform((r) => Number(r) as 7 | 30 | 90),
});

export const orgDashboardExportQuery = orgDashboardQuery.extend({
  table: z.enum(['days', 'products', 'refusals']).default('days'),
});
