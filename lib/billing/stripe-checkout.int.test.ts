import { afterAll, describe, expect, it } from 'vitest';
import { startStripeMock } from '@/lib/testing/stripe-mock';

// A real Stripe API emulator; the SDK is pointed at it through STRIPE_API_URL.
// Set before any app module loads lib/env (they are imported dynamically below).
const mock = await startStripeMock();
process.env.STRIPE_SECRET_KEY = 'sk_test_trailroomStripeMock';
process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_trailroom';
process.env.STRIPE_API_URL = mock.url;

const { Payment, User, CreditTransaction } = await import('@/models');
const { createCheckout, signStripePayload } = await import('@/lib/billing');
const { createStripeClient, toStripeAppError } = await import('./stripe-client');
const { checkoutSessionObject, stripeEventPayload } = await import('./stripe-event-payload');
const { callRoute, createTestUser, sessionToken } = await import('@/lib/testing/session-request');
const { POST: checkoutRoute } = await import('@/app/api/v1/billing/checkout/route');
const { POST: webhookRoute } = await import('@/app/api/webhooks/stripe/route');
const { POST: localPayRoute } = await import('@/app/api/billing/test-checkout/[sessionId]/route');
const { reconcile, getBalance } = await import('@/lib/credits');
const { NextRequest } = await import('next/server');

afterAll(async () => {
  await mock.stop();
});

const sessionCreates = () =>
  mock.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
const customerCreates = () =>
  mock.requests.filter((r) => r.method === 'POST' && r.path === '/v1/customers');

describe('checkout against stripe-mock', () => {
  it('opens a payment-mode session with the server-computed amount and records the payment as created', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    mock.requests.length = 0;
    const result = await createCheckout({ userId, credits: 2_100 });

    expect(result.testMode).toBe(false);
    expect(result.checkoutSessionId).toMatch(/^cs_/);
    expect(result.url).toMatch(/^https:\/\//);
    expect(result.quote.totalCents).toBe(3_780);

    const [customer] = customerCreates();
    expect(customer?.idempotencyKey).toBe(`customer:${userId}`);
    expect(customer?.params).toMatchObject({ email: user.email, 'metadata[user_id]': userId });

    const [create] = sessionCreates();
    expect(create?.idempotencyKey).toMatch(/^checkout:/);
    expect(create?.params).toMatchObject({
      mode: 'payment',
      client_reference_id: userId,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '3780',
      'line_items[0][price_data][product_data][name]': '2,100 TrailRoom credits',
      'metadata[user_id]': userId,
      'metadata[credits]': '2100',
      'metadata[pricing_version]': '2026-11-v1',
      'invoice_creation[enabled]': 'true',
      success_url: 'http://localhost:3000/billing/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://localhost:3000/pricing?canceled=1',
    });
    expect(create?.params.customer).toMatch(/^cus_/);

    const payment = await Payment.findOne({ checkoutSessionId: result.checkoutSessionId }).lean();
    expect(payment).toMatchObject({
      provider: 'stripe',
      status: 'created',
      credits: 2_100,
      currency: 'usd',
      listAmountCents: 4_200,
      discountCents: 420,
      amountCents: 3_780,
      discountBps: 1_000,
      pricingVersion: '2026-11-v1',
      customerId: create?.params.customer,
    });
    expect((await User.findById(userId).lean())?.stripeCustomerId).toBe(create?.params.customer);
  });

  it('reuses the stored customer; concurrent first checkouts share one customer idempotency key', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    mock.requests.length = 0;
    await Promise.all([
      createCheckout({ userId, credits: 300 }),
      createCheckout({ userId, credits: 5_000 }),
    ]);
    // Real Stripe answers both creates with the same customer because of this key (stripe-mock does not store).
    expect(customerCreates().map((r) => r.idempotencyKey)).toEqual([
      `customer:${userId}`,
      `customer:${userId}`,
    ]);
    expect(new Set(sessionCreates().map((r) => r.idempotencyKey)).size).toBe(2);

    mock.requests.length = 0;
    await createCheckout({ userId, credits: 1_000 });
    expect(customerCreates()).toHaveLength(0);
    expect(sessionCreates()).toHaveLength(1);
  });

  it('the same client Idempotency-Key gives the same Stripe idempotency key', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    mock.requests.length = 0;
    const a = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      token,
      body: { credits: 1_000 },
      headers: { 'idempotency-key': 'buy-1' },
    });
    expect(a.status).toBe(200);
    await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      token,
      body: { credits: 1_000 },
      headers: { 'idempotency-key': 'buy-1' },
    });
    const keys = sessionCreates().map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('POST /api/v1/billing/checkout: session users only, validated, snake_case', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    const ok = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      token,
      body: { credits: 50_000 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      credits: 50_000,
      amount_cents: 75_000,
      currency: 'usd',
      pricing_version: '2026-11-v1',
      test_mode: false,
    });
    expect(ok.headers.get('cache-control')).toContain('no-store');

    const anon = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      body: { credits: 2_100 },
    });
    expect(anon.status).toBe(401);
    for (const credits of [299, 100_001, 2_100.5, '2100']) {
      const bad = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
        method: 'POST',
        token,
        body: { credits },
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'validation_error' } });
    }
    const extra = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      token,
      body: { credits: 2_100, amount_cents: 1 },
    });
    expect(extra.status).toBe(400); // the client never names a price
  });

  it('classifies Stripe being unreachable as retryable (503)', async () => {
    const dead = createStripeClient({ secretKey: 'sk_test_x', apiUrl: 'http://127.0.0.1:9' });
    const err = await dead
      .createCustomer({ email: 'a@example.test', userId: 'u' }, 'k')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(toStripeAppError(new Error('x'), 'y').code).toBe('provider_error');
  });

  it('a Stripe payment completes through the webhook (signed with the endpoint secret) and picks up receipt links', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    const { checkoutSessionId } = await createCheckout({ userId, credits: 2_100 });
    const payment = (await Payment.findOne({ checkoutSessionId }).lean())!;
    const payload = stripeEventPayload(
      'checkout.session.completed',
      checkoutSessionObject(
        payment as never,
        { status: 'complete', paymentStatus: 'paid' },
        { payment_intent: 'pi_stripe_1' },
      ),
    );
    const send = (sig: string) =>
      webhookRoute(
        new NextRequest('http://localhost/api/webhooks/stripe', {
          method: 'POST',
          body: payload,
          headers: { 'stripe-signature': sig },
        }),
        { params: Promise.resolve({}) },
      );
    // The local secret is not accepted once a real endpoint secret is configured.
    expect((await send(signStripePayload(payload, 'whsec_local_guess'))).status).toBe(400);
    const res = await send(signStripePayload(payload, 'whsec_test_trailroom'));
    expect(res.status).toBe(200);
    const after = (await Payment.findById(payment._id).lean())!;
    expect(after.status).toBe('paid');
    expect(after.paymentIntentId).toBe('pi_stripe_1');
    // From the expanded session (stripe-mock fixtures): the receipt link and the charge for later refunds.
    expect(after.receiptUrl).toMatch(/^https:\/\//);
    expect(after.chargeId).toMatch(/^ch_/);
    expect(
      mock.requests.some(
        (r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${checkoutSessionId}`,
      ),
    ).toBe(true);
    expect((await getBalance(userId)).paid).toBe(2_100);
    expect(await CreditTransaction.countDocuments({ userId, type: 'purchase' })).toBe(1);
    const report = await reconcile({ repair: false });
    expect(report.differences).toEqual([]);
  });

  it('the local test checkout does not exist when Stripe is configured', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    const r = await callRoute<{ sessionId: string }>(
      localPayRoute,
      '/api/billing/test-checkout/cs_local_x',
      {
        method: 'POST',
        token,
        body: { action: 'pay' },
        params: { sessionId: 'cs_local_x' },
      },
    );
    expect(r.status).toBe(404);
  });
});
