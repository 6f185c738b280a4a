import { describe, expect, it, vi } from 'vitest';

// A staging box: NODE_ENV=development and the local checkout explicitly enabled, but
// served on a public name without a Stripe key. The second guard (APP_URL on
// loopback) keeps free purchases off.
vi.hoisted(() => {
  (process.env as Record<string, string>).NODE_ENV = 'development';
  process.env.APP_URL = 'https://staging.trailroom.example';
  // Left unset so the test session cookie keeps its plain name (https would make it __Secure-).
  delete process.env.NEXTAUTH_URL;
  process.env.DEV_LOGIN_ENABLED = 'true';
  process.env.LOCAL_CHECKOUT_ENABLED = 'true';
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_URL;
});

import { devLoginEnabled, localCheckoutEnabled } from '@/lib/env';
import { Payment } from '@/models';
import { buildLocalCheckoutEvent, createCheckout, getLocalCheckout } from '@/lib/billing';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import TestCheckoutPage from '@/app/(studio)/billing/test-checkout/[sessionId]/page';
import { POST as checkoutRoute } from '@/app/api/v1/billing/checkout/route';
import { POST as localPayRoute } from './route';

describe('on a staging box (NODE_ENV=development, flags on, APP_URL not loopback)', () => {
  it('the local checkout and the dev sign-in are off', () => {
    expect(localCheckoutEnabled).toBe(false);
    expect(devLoginEnabled).toBe(false);
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

  it('no purchase can start and the lib entry points refuse', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    // Even a local payment left in the database (say, from before the switch) cannot be paid.
    await expect(getLocalCheckout('cs_local_abc', userId)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      buildLocalCheckoutEvent({ sessionId: 'cs_local_abc', userId, action: 'pay' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // No way to take money here: a server-side configuration error (5xx), never a free purchase.
    await expect(createCheckout({ userId, credits: 2_100 })).rejects.toMatchObject({
      code: expect.stringMatching(/^(misconfigured|service_unavailable)$/),
    });
    const r = await callRoute(checkoutRoute, '/api/v1/billing/checkout', {
      method: 'POST',
      token: await sessionToken(user),
      body: { credits: 2_100 },
    });
    expect([500, 503]).toContain(r.status);
    expect(await Payment.countDocuments({ userId })).toBe(0);
  });
});
