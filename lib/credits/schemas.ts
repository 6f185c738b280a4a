import { z } from 'zod';
import { cursorSchema, withPagination } from '@/lib/api/list';
import { isoDateSchema, withOrderedDateRange } from '@/lib/api/shared-schemas';
import { CREDIT_TX_TYPES } from '@/models/enums';

export { toRange } from '@/lib/api/shared-schemas';

/** GET /api/v1/credits/transactions query (also the dashboard's filters). */
export const transactionQuerySchema = withPagination(
  withOrderedDateRange(
    z.object({
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      starting_after: cursorSchema.optional().meta({
        description:
          'The next_cursor of a previous page: the entries after it (a keyset page: no page/total, the same cost at any ledger size)',
      }),
      ending_before: cursorSchema.optional().meta({
        description: 'A cursor: the entries just newer than it (paging back)',
      }),
      type: z.enum(CREDIT_TX_TYPES).optional(),
      date_from: isoDateSchema
        .optional()
        .meta({ description: 'Inclusive start: a date (UTC midnight) or a date-time' }),
      date_to: isoDateSchema.optional().meta({
        description:
          'Inclusive end: a date (to the end of that UTC day) or a date-time; a date_from after it is refused (400)',
      }),
      format: z.enum(['json', 'csv']).default('json'),
    }),
  ),
).meta({ id: 'TransactionQuery' });

export type TransactionQueryInput = z.infer<typeof transactionQuerySchema>;

export const balanceSchema = z
  .object({
    free_credits: z.number().int(),
    paid_credits: z.number().int(),
    total_credits: z.number().int(),
    daily_free_allowance: z.number().int(),
    next_free_top_up_at: z.iso.datetime(),
    costs: z.object({ top: z.number().int(), full: z.number().int() }),
  })
  .meta({ id: 'CreditBalance' });

export const transactionSchema = z
  .object({
    id: z.string(),
    type: z.enum(CREDIT_TX_TYPES),
    credits: z.number().int().meta({ description: 'Signed change of the total balance' }),
    free_delta: z.number().int(),
    paid_delta: z.number().int(),
    balance_after: z.number().int(),
    description: z.string(),
    reference_type: z.string(),
    reference_id: z.string().optional(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'CreditTransaction' });

export const transactionPageSchema = z
  .object({
    data: z.array(transactionSchema),
    page: z.number().int().optional().meta({ description: 'Absent on a cursor page' }),
    limit: z.number().int(),
    total: z.number().int().optional().meta({ description: 'Absent on a cursor page' }),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().meta({
      description: 'Pass as starting_after for the next (older) page; null when there is none',
    }),
  })
  .meta({ id: 'CreditTransactionPage' });
