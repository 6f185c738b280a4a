import { describe, expect, it, vi } from 'vitest';

// Development without a Stripe key: the local test checkout stands in for Stripe.
vi.hoisted(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_URL;
});

import { CreditTransaction } from '@/models';
import { reconcile } from '@/lib/credits';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { POST as checkoutRoute } from '@/app/api/v1/billing/checkout/route';
import { GET as statusRoute } from '@/app/api/v1/billing/checkout/[sessionId]/route';
import { GET as paymentsRoute } from '@/app/api/v1/billing/payments/route';
import { POST as localRoute } from './route';

async function buyer() {
  const user = await createTestUser();
  return { userId: user._id.toString(), token: await sessionToken(user) };
}

async function startCheckout(token: string, credits: number) {
  const r = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
    method: 'POST',
    token,
    body: { credits },
  });
  expect(r.status).toBe(200);
  return r.body as {
    checkout_session_id: string;
    url: string;
    amount_cents: number;
    test_mode: boolean;
  };
}

const act = (token: string, sessionId: string, action: 'pay' | 'cancel') =>
  callRoute<{ sessionId: string }>(localRoute, `/api/billing/test-checkout/${sessionId}`, {
    method: 'POST',
    token,
    body: { action },
    params: { sessionId },
  });

const status = (token: string, sessionId: string) =>
  callRoute<{ sessionId: string }>(statusRoute, `/api/v1/billing/checkout/${sessionId}`, {
    token,
    params: { sessionId },
  });

describe('local test checkout, end to end through the routes', () => {
  it('pay completes through the signed webhook: granted once even when Pay is pressed three times at once', async () => {
    const { userId, token } = await buyer();
    const checkout = await startCheckout(token, 2_100);
    expect(checkout).toMatchObject({ amount_cents: 3_780, test_mode: true });
    expect(checkout.url).toBe(
      `http://localhost:3000/billing/test-checkout/${checkout.checkout_session_id}`,
    );

    const before = await status(token, checkout.checkout_session_id);
    expect(before.body).toMatchObject({ status: 'created', credits_granted: false });

    const presses = await Promise.all(
      [1, 2, 3].map(() => act(token, checkout.checkout_session_id, 'pay')),
    );
    for (const p of presses) expect([200, 409]).toContain(p.status);
    expect(presses.find((p) => p.status === 200)?.body).toEqual({
      redirect_to: `/billing/success?session_id=${checkout.checkout_session_id}`,
    });

    const after = await status(token, checkout.checkout_session_id);
    expect(after.body).toMatchObject({
      status: 'paid',
      credits_granted: true,
      balance: { paid: 2_100, free: 3, total: 2_103 },
    });
    expect(await CreditTransaction.countDocuments({ userId, type: 'purchase' })).toBe(1);
    expect((await reconcile({ repair: false })).differences).toEqual([]);

    // Paying again later is a duplicate: nothing changes.
    expect((await act(token, checkout.checkout_session_id, 'pay')).status).toBe(200);
    expect(await CreditTransaction.countDocuments({ userId, type: 'purchase' })).toBe(1);
    // Canceling a paid checkout is refused.
    expect((await act(token, checkout.checkout_session_id, 'cancel')).status).toBe(409);
  });

  it('cancel marks the payment canceled; a canceled checkout cannot be paid', async () => {
    const { userId, token } = await buyer();
    const checkout = await startCheckout(token, 300);
    const c = await act(token, checkout.checkout_session_id, 'cancel');
    expect(c).toMatchObject({ status: 200, body: { redirect_to: '/pricing?canceled=1' } });
    expect((await status(token, checkout.checkout_session_id)).body).toMatchObject({
      status: 'canceled',
      credits_granted: false,
    });
    expect((await act(token, checkout.checkout_session_id, 'pay')).status).toBe(409);
    expect(await CreditTransaction.countDocuments({ userId, type: 'purchase' })).toBe(0);
  });

  it("another user's checkout is a 404, for paying and for its status", async () => {
    const owner = await buyer();
    const other = await buyer();
    const checkout = await startCheckout(owner.token, 1_000);
    expect((await act(other.token, checkout.checkout_session_id, 'pay')).status).toBe(404);
    expect((await status(other.token, checkout.checkout_session_id)).status).toBe(404);
    expect((await act(owner.token, 'cs_local_nope', 'pay')).status).toBe(404);
  });

  it('GET /api/v1/billing/payments lists the caller’s payments, newest first, paginated', async () => {
    const { token } = await buyer();
    const ids: string[] = [];
    for (const credits of [300, 1_000, 2_100])
      ids.push((await startCheckout(token, credits)).checkout_session_id);
    await act(token, ids[2]!, 'pay');

    const first = await callRoute(paymentsRoute, '/api/v1/billing/payments?limit=2', { token });
    expect(first.status).toBe(200);
    const page1 = first.body as {
      data: Array<Record<string, unknown>>;
      has_more: boolean;
      next_cursor: string;
    };
    expect(page1.has_more).toBe(true);
    expect(page1.data.map((p) => p.checkout_session_id)).toEqual([ids[2], ids[1]]);
    expect(page1.data[0]).toMatchObject({
      status: 'paid',
      credits: 2_100,
      amount_cents: 3_780,
      list_amount_cents: 4_200,
      discount_cents: 420,
      discount_bps: 1_000,
      currency: 'usd',
      pricing_version: '2026-11-v1',
      test_mode: true,
      receipt_url: null,
    });
    const second = await callRoute(
      paymentsRoute,
      `/api/v1/billing/payments?limit=2&cursor=${page1.next_cursor}`,
      { token },
    );
    const page2 = second.body as {
      data: Array<Record<string, unknown>>;
      has_more: boolean;
      next_cursor: string | null;
    };
    expect(page2).toMatchObject({ has_more: false, next_cursor: null });
    expect(page2.data.map((p) => p.checkout_session_id)).toEqual([ids[0]]);

    expect(
      (await callRoute(paymentsRoute, '/api/v1/billing/payments?cursor=bad', { token })).status,
    ).toBe(400);
    expect((await callRoute(paymentsRoute, '/api/v1/billing/payments')).status).toBe(401);
  });
});
