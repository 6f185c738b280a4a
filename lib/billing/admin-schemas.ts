import { z } from 'zod';
import { adminReasonSchema, isoDateSchema, withOrderedDateRange } from '@/lib/api/shared-schemas';
import { PAYMENT_STATUSES } from '@/models/enums';
import { paymentSchema } from './schemas';

/** Admin payment schemas (/api/admin/payments…): request parsing and the snake_case responses. */

export const adminPaymentsQuery = withOrderedDateRange(
  z.object({
    status: z.enum(PAYMENT_STATUSES).optional(),
    /** A user id or part of an email address. */
    user: z.string().trim().min(1).max(320).optional(),
    date_from: isoDateSchema.optional(),
    date_to: isoDateSchema.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  }),
);
export type AdminPaymentsQuery = z.infer<typeof adminPaymentsQuery>;

export const paymentIdParam = z.object({
  id: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a payment id'),
});

export const adminRefundPaymentBody = z.object({
  /** Omitted: everything not yet refunded. */
  amount_cents: z.number().int().positive().optional(),
  reason: adminReasonSchema,
  /** Client-generated UUID: a double-submitted dialog refunds once. */
  idempotency_key: z.uuid(),
});
export type AdminRefundPaymentBody = z.infer<typeof adminRefundPaymentBody>;

export const adminPaymentJson = paymentSchema.extend({
  user: z.object({ id: z.string(), email: z.string().nullable() }),
  provider: z.enum(['stripe', 'local']),
  payment_intent_id: z.string().nullable(),
  charge_id: z.string().nullable(),
  customer_id: z.string().nullable(),
  credits_shortfall: z.number().int(),
  dispute_status: z.string().nullable(),
  flagged_reason: z.string().nullable(),
  /** What may still be refunded, in cents (0 unless paid). */
  refundable_cents: z.number().int(),
});
export type AdminPaymentJson = z.infer<typeof adminPaymentJson>;

export const paymentTotalsJson = z.object({
  currency: z.string(),
  /** Paid payments in the filter. */
  count: z.number().int(),
  gross_cents: z.number().int(),
  refunded_cents: z.number().int(),
  net_cents: z.number().int(),
});
export type PaymentTotalsJson = z.infer<typeof paymentTotalsJson>;

export const adminPaymentPageJson = z.object({
  data: z.array(adminPaymentJson),
  /** One row per currency: amounts in different currencies are never added. */
  totals: z.array(paymentTotalsJson),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type AdminPaymentPageJson = z.infer<typeof adminPaymentPageJson>;

export const adminRefundJson = z.object({
  id: z.string(),
  seq: z.number().int(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  amount_cents: z.number().int(),
  via: z.enum(['stripe', 'local']),
  stripe_refund_id: z.string().nullable(),
  reason: z.string(),
  actor_email: z.string().nullable(),
  error: z.string().nullable(),
  created_at: z.string(),
});
export type AdminRefundJson = z.infer<typeof adminRefundJson>;

export const adminPaymentDetailJson = adminPaymentJson.extend({
  ledger: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      credits: z.number().int(),
      balance_after: z.number().int(),
      description: z.string(),
      key: z.string(),
      created_at: z.string(),
    }),
  ),
  credits_granted: z.number().int(),
  refunds: z.array(adminRefundJson),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      text: z.string(),
      /** Money in the event, formatted by the page. */
      amount_cents: z.number().int().nullable(),
    }),
  ),
  /** How a refund would be made: at Stripe, or by the local test checkout's revocation. */
  refund_via: z.enum(['stripe', 'local']),
  can_refund: z.boolean(),
});
export type AdminPaymentDetailJson = z.infer<typeof adminPaymentDetailJson>;

export const adminRefundPaymentResult = z.object({
  payment: adminPaymentJson,
  refund: adminRefundJson,
  /** True: this idempotency key had already made its refund; nothing changed. */
  replayed: z.boolean(),
});
export type AdminRefundPaymentResult = z.infer<typeof adminRefundPaymentResult>;
