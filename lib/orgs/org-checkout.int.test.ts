import { afterAll, describe, expect, it } from 'vitest';
import { startStripeMock } from '@/lib/testing/stripe-mock';

// A real Stripe API emulator; set before any app module loads lib/env.
const mock = await startStripeMock();
process.env.STRIPE_SECRET_KEY = 'sk_test_trailroomStripeMock';
process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_trailroom';
process.env.STRIPE_API_URL = mock.url;

const { Payment, Organization, User, CreditTransaction, Membership, membershipId } =
  await import('@/models');
const { signStripePayload } = await import('@/lib/billing');
const { checkoutSessionObject, stripeEventPayload } =
  await import('@/lib/billing/stripe-event-payload');
const { callRoute, createTestUser, sessionToken, SESSION_COOKIE } =
  await import('@/lib/testing/session-request');
const { POST: checkoutRoute } = await import('@/app/api/v1/billing/checkout/route');
const { POST: webhookRoute } = await import('@/app/api/webhooks/stripe/route');
const { reconcile, getBalance } = await import('@/lib/credits');
const { ACCOUNT_COOKIE, createOrganization } = await import('@/lib/orgs');
const { NextRequest } = await import('next/server');

afterAll(async () => {
  await mock.stop();
});

describe('checkout in organisation context (stripe-mock)', () => {
  it('buys for the organisation: its own Stripe customer, purchase:<session> granted to its ledger exactly once', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const org = await createOrganization({ userId: owner._id.toString(), name: 'Checkout Shop' });
    await Membership.create({
      _id: membershipId(org.id, member._id.toString()),
      orgId: org.id,
      userId: member._id,
      role: 'member',
    });
    const cookie = async (p: typeof owner) =>
      `${SESSION_COOKIE}=${await sessionToken(p)}; ${ACCOUNT_COOKIE}=${org.id}`;

    // A member may not buy for the organisation.
    const refused = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      headers: { cookie: await cookie(member) },
      body: { credits: 2_100 },
    });
    expect(refused.status).toBe(403);

    const res = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      headers: { cookie: await cookie(owner) },
      body: { credits: 2_100 },
    });
    expect(res.status).toBe(200);
    const sessionId = (res.body as { checkout_session_id: string }).checkout_session_id;
    const payment = (await Payment.findOne({ checkoutSessionId: sessionId }).lean())!;
    expect(payment.userId.toString()).toBe(org.id);
    // The Stripe customer is the organisation's, not the person's.
    const orgDoc = (await Organization.findById(org.id).lean())!;
    expect(orgDoc.stripeCustomerId).toMatch(/^cus_/);
    expect((await User.findById(owner._id).lean())!.stripeCustomerId).toBeUndefined();

    const payload = stripeEventPayload(
      'checkout.session.completed',
      checkoutSessionObject(
        payment as never,
        { status: 'complete', paymentStatus: 'paid' },
        { payment_intent: 'pi_org_1' },
      ),
    );
    const send = () =>
      webhookRoute(
        new NextRequest('http://localhost/api/webhooks/stripe', {
          method: 'POST',
          body: payload,
          headers: { 'stripe-signature': signStripePayload(payload, 'whsec_test_trailroom') },
        }),
        { params: Promise.resolve({}) },
      );
    // Delivered again (Stripe retries): granted once.
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect((await Payment.findById(payment._id).lean())!.status).toBe('paid');
    expect((await getBalance(org.id)).paid).toBe(2_100);
    expect((await getBalance(owner._id.toString())).paid).toBe(0);
    expect(
      await CreditTransaction.countDocuments({
        userId: org.id,
        type: 'purchase',
        idempotencyKey: `purchase:${sessionId}`,
        ownerType: 'organization',
      }),
    ).toBe(1);
    const report = await reconcile({ repair: false });
    expect(report.differences).toEqual([]);
  });
});
