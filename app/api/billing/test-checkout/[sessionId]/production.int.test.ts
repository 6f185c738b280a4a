import { describe, expect, it, vi } from 'vitest';

// A production process without a Stripe key: the local test checkout must not exist at all.
vi.hoisted(() => {
  (process.env as Record<string, string>).NODE_ENV = 'production';
  process.env.NEXTAUTH_SECRET = 'production-test-secret-production-test-secret';
  process.env.NEXTAUTH_URL = 'http://localhost:3000';
  process.env.JOBS_MODE = 'inline';
  process.env.DEV_LOGIN_ENABLED = 'true'; // ignored in production, like everything local
  process.env.LOCAL_CHECKOUT_ENABLED = 'true'; // likewise
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_URL;
});

import { localCheckoutEnabled } from '@/lib/env';
import { Payment, ProcessedEvent } from '@/models';
import {
  buildLocalCheckoutEvent,
  createCheckout,
  getLocalCheckout,
  signStripePayload,
} from '@/lib/billing';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import TestCheckoutPage from '@/app/(studio)/billing/test-checkout/[sessionId]/page';
import { POST as webhookRoute } from '@/app/api/webhooks/stripe/route';
import { POST as checkoutRoute } from '@/app/api/v1/billing/checkout/route';
import { POST as localPayRoute } from './route';

describe('in production', () => {
  it('the local checkout is off, whatever else is set', () => {
    expect(localCheckoutEnabled).toBe(false);
  });

  it('the local pay/cancel route answers 404, signed in or not', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    for (const t of [token, undefined]) {
      const r = await callRoute<{ sessionId: string }>(
        localPayRoute,
        '/api/billing/test-checkout/cs_local_abc',
        {
          method: 'POST',
          ...(t ? { token: t } : {}),
          body: { action: 'pay' },
          params: { sessionId: 'cs_local_abc' },
        },
      );
      expect(r.status).toBe(404);
    }
  });

  it('the test checkout page is a 404', async () => {
    const err = await TestCheckoutPage({
      params: Promise.resolve({ sessionId: 'cs_local_abc' }),
    }).catch((e: unknown) => e);
    expect(String((err as { digest?: string }).digest)).toMatch(/404/);
  });

  it('the lib entry points refuse too', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    await expect(getLocalCheckout('cs_local_abc', userId)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      buildLocalCheckoutEvent({ sessionId: 'cs_local_abc', userId, action: 'pay' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // No Stripe key and no local checkout: a purchase cannot start (and no payment is recorded).
    await expect(createCheckout({ userId, credits: 2_100 })).rejects.toMatchObject({
      code: expect.stringMatching(/^(misconfigured|service_unavailable)$/),
    });
    const token = await sessionToken(user);
    const r = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      token,
      body: { credits: 2_100 },
    });
    expect([500, 503]).toContain(r.status);
    expect(await Payment.countDocuments({ userId })).toBe(0);
  });

  it('the webhook with no secret configured answers 500 misconfigured and changes nothing', async () => {
    const payload = JSON.stringify({
      id: 'evt_prod_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: { object: {} },
    });
    const r = await callRoute(webhookRoute, '/api/webhooks/stripe', {
      method: 'POST',
      body: JSON.parse(payload) as unknown,
      headers: { 'stripe-signature': signStripePayload(payload, 'whsec_anything') },
    });
    expect(r).toMatchObject({ status: 500, body: { error: { code: 'misconfigured' } } });
    expect(await ProcessedEvent.countDocuments({})).toBe(0);
  });
});
