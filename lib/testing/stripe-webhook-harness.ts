import { NextRequest } from 'next/server';
import { Payment, ProcessedEvent, User, type PaymentDoc } from '@/models';
import { reconcile } from '@/lib/credits';
import { stripeWebhookSecret } from '@/lib/billing/config';
import { createCheckout } from '@/lib/billing/create-checkout';
import { signStripePayload } from '@/lib/billing/stripe-client';

/**
 * Test harness: real users and payments through the real checkout code, and
 * events signed with the Stripe SDK's own test-header helper, delivered to
 * the real webhook route handler.
 */

let n = 0;

export async function makeBuyer(): Promise<string> {
  n += 1;
  const u = await User.create({ email: `buyer-${n}-${Date.now()}@example.com` });
  return u._id.toString();
}

export async function startPurchase(userId: string, credits = 2_100): Promise<PaymentDoc> {
  const { checkoutSessionId } = await createCheckout({ userId, credits });
  return await Payment.findOne({ checkoutSessionId }).orFail().lean<PaymentDoc>();
}

export async function reloadPayment(p: PaymentDoc): Promise<PaymentDoc> {
  return await Payment.findById(p._id).orFail().lean<PaymentDoc>();
}

export interface Delivery {
  status: number;
  body: { outcome?: string; error?: { code: string } };
}

type RouteHandler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, never>> },
) => Promise<Response>;

export function makeDeliver(route: RouteHandler) {
  return async function deliver(
    payload: string,
    opts: { secret?: string; timestamp?: number; signature?: string | null; body?: string } = {},
  ): Promise<Delivery> {
    const secret = opts.secret ?? stripeWebhookSecret() ?? 'whsec_none';
    const signature =
      opts.signature === undefined
        ? signStripePayload(payload, secret, opts.timestamp)
        : opts.signature;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['stripe-signature'] = signature;
    const res = await route(
      new NextRequest('http://localhost/api/webhooks/stripe', {
        method: 'POST',
        body: opts.body ?? payload,
        headers,
      }),
      { params: Promise.resolve({}) },
    );
    return { status: res.status, body: (await res.json()) as Delivery['body'] };
  };
}

export async function expectLedgerReconciled(): Promise<{
  differences: unknown[];
  inconsistencies: unknown[];
}> {
  const report = await reconcile({ repair: false });
  return { differences: report.differences, inconsistencies: report.inconsistencies };
}

export async function processedCount(eventId: string): Promise<number> {
  return ProcessedEvent.countDocuments({ source: 'stripe', eventId });
}
