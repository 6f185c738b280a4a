import { z } from 'zod';
import { adminReasonSchema } from '@/lib/api/shared-schemas';

/**
 * Request bodies of admin forms, shared by the form (browser) and its route.
 * Browser-safe: zod and lib constants only, never a model or a server module.
 */

/** POST /api/admin/users/{id}/credits — an adjustment of a person's paid credits. */
export const creditAdjustmentBody = z
  .object({
    credits: z
      .number()
      .int()
      .refine((n) => n !== 0, 'must not be zero'),
    reason: adminReasonSchema,
    /** Client-generated UUID so a double-submitted form applies once. */
    idempotency_key: z.uuid(),
  })
  .meta({ id: 'AdminCreditAdjustment' });
export type CreditAdjustmentBody = z.infer<typeof creditAdjustmentBody>;

/** The adjustment form's fields before the amount is a number (what the person typed). */
export const creditAdjustmentForm = z.object({
  credits: z
    .string()
    .trim()
    .regex(/^[+-]?\d+$/, 'enter a whole number, e.g. 50 or -20')
    .transform(Number)
    .pipe(creditAdjustmentBody.shape.credits),
  reason: adminReasonSchema,
});
export type CreditAdjustmentForm = z.input<typeof creditAdjustmentForm>;
