import { z } from 'zod';
import { PAYMENT_STATUSES } from '@/models/enums';

/**
 * Request/response schemas of the billing API (snake_case JSON). The same
 * schemas validate the routes and generate the OpenAPI document.
 */

export {
  checkoutRequestSchema,
  checkoutResponseSchema,
  type CheckoutRequest,
  type CheckoutResponse,
} from './checkout-schema';

export const paymentSchema = z.object({
  id: z.string(),
  checkout_session_id: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  credits: z.number().int(),
  currency: z.string(),
  list_amount_cents: z.number().int(),
  discount_cents: z.number().int(),
  discount_bps: z.number().int(),
  amount_cents: z.number().int(),
  refunded_cents: z.number().int(),
  credits_revoked: z.number().int(),
  pricing_version: z.string(),
  receipt_url: z.string().nullable(),
  invoice_url: z.string().nullable(),
  test_mode: z.boolean(),
  created_at: z.string(),
  paid_at: z.string().nullable(),
});
export type PaymentJson = z.infer<typeof paymentSchema>;

export const paymentsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^[a-f0-9]{24}$/, 'cursor must be the next_cursor of a previous page')
    .optional(),
});
export type PaymentsQuery = z.infer<typeof paymentsQuerySchema>;

export const paymentsPageSchema = z.object({
  data: z.array(paymentSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});
export type PaymentsPageJson = z.infer<typeof paymentsPageSchema>;

export const checkoutStatusSchema = z.object({
  checkout_session_id: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  credits: z.number().int(),
  amount_cents: z.number().int(),
  currency: z.string(),
  credits_granted: z.boolean(),
  balance: z.object({ free: z.number().int(), paid: z.number().int(), total: z.number().int() }),
});
export type CheckoutStatusJson = z.infer<typeof checkoutStatusSchema>;

export const sessionIdParamSchema = z.object({ sessionId: z.string().min(1).max(255) });

export const localCheckoutActionSchema = z.object({ action: z.enum(['pay', 'cancel']) }).strict();
