import { test, expect } from '@playwright/test';
import { AUTH_STATE } from './support/accounts';

/**
 * What only the production build guarantees: the development conveniences
 * (email-only sign-in, the free local test checkout, deliveries to private
 * addresses) are off even though the server runs on a loopback APP_URL, and
 * purchases go to Stripe.
 */

test('the sign-in offers Google only: no development email sign-in, on the page or the API', async ({
  page,
  request,
}) => {
  await page.goto('/signin?callbackUrl=/studio');
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeEnabled();
  await expect(page.getByLabel('Email')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign in with email' })).toHaveCount(0);
  // The seeded logins are never listed.
  await expect(page.getByText('admin@trailroom.local')).toHaveCount(0);

  const providers = (await (await request.get('/api/auth/providers')).json()) as Record<
    string,
    unknown
  >;
  expect(Object.keys(providers)).toEqual(['google']);
  const csrf = ((await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string })
    .csrfToken;
  const forged = await request.post('/api/auth/callback/dev', {
    form: { csrfToken: csrf, email: 'admin@trailroom.local', callbackUrl: '/admin' },
    maxRedirects: 0,
  });
  expect(forged.status()).not.toBe(200);
  expect(await (await request.get('/api/auth/session')).json()).toEqual({});
});

test.describe('as the seeded shopper', () => {
  test.use({ storageState: AUTH_STATE.demo });

  test('checkout goes to Stripe; the local test checkout does not exist', async ({ page }) => {
    const checkout = await page.request.post('/api/v1/billing/checkout', {
      data: { credits: 300 },
    });
    expect(checkout.status(), await checkout.text()).toBe(200);
    const body = (await checkout.json()) as {
      url: string;
      test_mode: boolean;
      checkout_session_id: string;
    };
    expect(body.test_mode).toBe(false);
    expect(body.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(body.checkout_session_id).toMatch(/^cs_test_/);

    const pay = await page.request.post(`/api/billing/test-checkout/${body.checkout_session_id}`, {
      data: { action: 'pay' },
    });
    expect(pay.status()).toBe(404);
    // The page streams behind a loading state, so the 404 shows in the page, not the status.
    await page.goto(`/billing/test-checkout/${body.checkout_session_id}`);
    await expect(
      page.getByRole('heading', { name: 'This page isn’t in the fitting room' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
  });

  test('a webhook endpoint on a loopback address is refused', async ({ page }) => {
    const res = await page.request.post('/api/v1/webhooks', {
      data: { url: 'http://127.0.0.1:9/hook', events: ['tryon.completed'] },
    });
    expect(res.status(), await res.text()).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });
});
