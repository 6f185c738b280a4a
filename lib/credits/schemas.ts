import { z } from 'zod';
import { CREDIT_TX_TYPES } from '@/models/credit-transaction';

const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

/** GET /api/v1/credits/transactions query (also the dashboard's filters). */
export const transactionQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    type: z.enum(CREDIT_TX_TYPES).optional(),
    date_from: isoDate
      .optional()
      .meta({ description: 'Inclusive start: a date (UTC midnight) or a date-time' }),
    date_to: isoDate
      .optional()
      .meta({ description: 'Inclusive end: a date (to the end of that UTC day) or a date-time' }),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine(
    (q) => !q.date_from || !q.date_to || toRange(q.date_from, 'start') <= toRange(q.date_to, 'end'),
    {
      message: 'date_from must not be after date_to',
      path: ['date_from'],
    },
  )
  .meta({ id: 'TransactionQuery' });

export type TransactionQueryInput = z.infer<typeof transactionQuerySchema>;

/** A bare date means the whole UTC day. */
export function toRange(value: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`);
  }
  return new Date(value);
}

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
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    has_more: z.boolean(),
  })
  .meta({ id: 'CreditTransactionPage' });
