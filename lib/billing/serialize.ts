import type { PaymentDoc } from '@/models/payment';
import type { PaymentJson } from './schemas';

/** Payment → public JSON (snake_case, integer cents). */
export function toPaymentJson(p: PaymentDoc): PaymentJson {
  return {
    id: p._id.toString(),
    checkout_session_id: p.checkoutSessionId,
    status: p.status,
    credits: p.credits,
    currency: p.currency,
    list_amount_cents: p.listAmountCents,
    discount_cents: p.discountCents,
    discount_bps: p.discountBps,
    amount_cents: p.amountCents,
    refunded_cents: p.refundedCents ?? 0,
    credits_revoked: p.creditsRevoked ?? 0,
    pricing_version: p.pricingVersion,
    receipt_url: p.receiptUrl ?? null,
    invoice_url: p.invoiceUrl ?? null,
    test_mode: p.provider === 'local',
    created_at: (p as { createdAt?: Date }).createdAt?.toISOString() ?? new Date(0).toISOString(),
    paid_at: p.paidAt ? p.paidAt.toISOString() : null,
  };
}
