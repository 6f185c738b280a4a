import { randomBytes } from 'node:crypto';
import { expect, request, test, type Page } from '@playwright/test';
import Stripe from 'stripe';

/**
 * Stripe's side of a purchase on the production build. The e2e server points
 * the app at stripe-mock through a stand-in that remembers each Checkout
 * Session the app created (scripts/lib/stripe-stand-in.mjs, app port + 2000);
 * these helpers play the customer at Stripe's hosted page and Stripe itself:
 * a `checkout.session.completed` (or `charge.refunded`) event signed with the
 * SDK's own test-header helper, sent to the app's webhook, then the browser
 * sent back to the success URL the app gave Stripe.
 */

/** The endpoint secret the production e2e server is configured with (scripts/e2e-server.mjs). */
const WEBHOOK_SECRET = 'whsec_trailroom_e2e_production_build';
const HOSTED_CHECKOUT = 'https://checkout.stripe.com/**';

/** What Stripe knows about a Checkout Session (as the stand-in recorded it). */
export interface StripeSession {
  id: string;
  url: string;
  amount_total: number;
  currency: string;
  client_reference_id: string;
  customer: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  payment_intent: string;
  charge: string;
  refunds: Array<{ id: string; amount: number; metadata: Record<string, string> }>;
}

function appBase(): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error('the project has no baseURL');
  return base;
}

function standInUrl(): string {
  return `http://127.0.0.1:${Number(new URL(appBase()).port) + 2000}`;
}

export async function stripeSession(id: string): Promise<StripeSession> {
  const api = await request.newContext();
  try {
    const res = await api.get(`${standInUrl()}/__e2e/checkout-sessions/${encodeURIComponent(id)}`);
    expect(res.status(), `Stripe knows checkout session ${id}`).toBe(200);
    return (await res.json()) as StripeSession;
  } finally {
    await api.dispose();
  }
}

/** Sends a signed event to the app's Stripe webhook as Stripe does: no cookies, no Origin. */
async function deliverEvent(type: string, object: Record<string, unknown>): Promise<void> {
  const payload = JSON.stringify({
    id: `evt_e2e_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const api = await request.newContext({ baseURL: appBase() });
  try {
    const res = await api.post('/api/webhooks/stripe', {
      data: payload,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signature,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, outcome: 'processed' });
  } finally {
    await api.dispose();
  }
}

/** Stripe reports the session paid: `checkout.session.completed` with what the app asked for. */
export async function completeCheckout(sessionId: string): Promise<StripeSession> {
  const s = await stripeSession(sessionId);
  await deliverEvent('checkout.session.completed', {
    id: s.id,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_subtotal: s.amount_total,
    amount_total: s.amount_total,
    currency: s.currency,
    client_reference_id: s.client_reference_id,
    customer: s.customer,
    payment_intent: s.payment_intent,
    invoice: null,
    url: null,
    metadata: s.metadata,
  });
  return s;
}

/** Stripe reports the refunds the app created for this session's charge: `charge.refunded`. */
export async function settleRefunds(sessionId: string): Promise<StripeSession> {
  const s = await stripeSession(sessionId);
  expect(s.refunds.length, 'the app asked Stripe for a refund').toBeGreaterThan(0);
  const refunded = s.refunds.reduce((sum, r) => sum + r.amount, 0);
  await deliverEvent('charge.refunded', {
    id: s.charge,
    object: 'charge',
    amount: s.amount_total,
    amount_captured: s.amount_total,
    amount_refunded: refunded,
    refunded: refunded >= s.amount_total,
    currency: s.currency,
    payment_intent: s.payment_intent,
    receipt_url: null,
    status: 'succeeded',
    paid: true,
  });
  return s;
}

/**
 * Stands in for Stripe's hosted checkout page in this browser: the redirect
 * there is answered locally, and `pay()` completes the purchase at "Stripe"
 * and follows the success URL, as a customer paying would.
 */
export async function holdAtStripeCheckout(page: Page): Promise<{
  /** Resolves with the session id once the browser reached the hosted page. */
  reached: () => Promise<string>;
  pay: () => Promise<StripeSession>;
}> {
  let sessionId: string | null = null;
  await page.route(HOSTED_CHECKOUT, async (route) => {
    sessionId = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
    await route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><title>Stripe Checkout</title><h1>Stripe Checkout (e2e stand-in)</h1><p>${sessionId}</p>`,
    });
  });
  const reached = async () => {
    await expect.poll(() => sessionId, { timeout: 30_000 }).not.toBeNull();
    return sessionId!;
  };
  return {
    reached,
    pay: async () => {
      const s = await completeCheckout(await reached());
      await page.goto(s.success_url.replace('{CHECKOUT_SESSION_ID}', s.id));
      return s;
    },
  };
}
