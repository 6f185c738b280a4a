import { test, expect } from '@playwright/test';

// Development server only: a brand-new shopper signs in with the development
// email sign-in and buys the recommended 2,100-credit pack through the local
// test checkout (no Stripe key), and sees the credits arrive, the payment and
// the ledger entry. The production build buys through Stripe (e2e/billing.spec.ts).
test('a new user buys 2,100 credits through the test checkout', async ({ page }) => {
  test.setTimeout(180_000);
  const email = `buyer-${Date.now()}@example.test`;

  // Pricing, signed out: a shopper starts at the smallest pack; buying for a
  // shop or app recommends 2,100, and buying asks to sign in.
  await page.goto('/pricing');
  await expect(page.getByRole('heading', { level: 1, name: 'Pricing' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /(^|\s)300 credits/ })).toBeChecked();
  await page.getByRole('radio', { name: /For my shop or app/ }).check();
  const recommended = page.getByRole('radio', { name: /(^|\s)2,100 credits/ });
  await expect(recommended).toBeChecked();
  await expect(recommended).toHaveAccessibleName(/Best for shops & apps/);
  await expect(page.getByTestId('order-total')).toHaveText('$37.80');
  await page.screenshot({ path: 'e2e/screenshots/pricing.png', fullPage: true });

  // The custom amount updates the live total from the same price function.
  await page.getByLabel('Credits', { exact: true }).first().fill('50000');
  await expect(page.getByTestId('order-total')).toHaveText('$750.00');
  await page.getByLabel('Credits', { exact: true }).first().fill('2000');
  await expect(page.getByText('2,100 credits cost less')).toBeVisible();
  await page.getByRole('button', { name: 'Switch to 2,100' }).click();
  await expect(page.getByTestId('order-total')).toHaveText('$37.80');

  await page.getByRole('button', { name: 'Sign in to buy' }).last().click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in with email' }).click();
  await page.waitForURL(/\/pricing\?credits=2100/);

  // Checkout → the clearly marked test checkout.
  await page.getByRole('button', { name: 'Buy 2,100 credits' }).last().click();
  await page.waitForURL(/\/billing\/test-checkout\/cs_local_/);
  await expect(page.getByText('TEST MODE — no real payment')).toBeVisible();
  await expect(page.getByRole('heading', { name: '2,100 TrailRoom credits' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/test-checkout.png', fullPage: true });
  await page.getByRole('button', { name: /^Pay \$37\.80/ }).click();

  // The success page polls until the webhook has granted the credits.
  await page.waitForURL(/\/billing\/success\?session_id=cs_local_/);
  await expect(page.getByRole('heading', { name: '2,100 credits added' })).toBeVisible();
  await expect(page.getByTestId('balance-total')).toHaveText('2,103'); // 3 free today + 2,100
  await page.screenshot({ path: 'e2e/screenshots/billing-success.png', fullPage: true });

  // The payment in the history.
  await page.getByRole('link', { name: 'See payments' }).click();
  await page.waitForURL('**/billing');
  const row = page.getByTestId('payment-row').first();
  await expect(row).toContainText('2,100');
  await expect(row).toContainText('$37.80');
  await expect(row).toContainText('$4.20 (10%)');
  await expect(row).toContainText('Paid');
  await page.screenshot({ path: 'e2e/screenshots/billing.png', fullPage: true });

  // The ledger: the purchase entry and the balance.
  await page.goto('/credits');
  await expect(page.getByTestId('paid-balance')).toHaveText('2100');
  await expect(page.getByText('Bought 2,100 credits').first()).toBeVisible();
  const tx = await page.request.get('/api/v1/credits/transactions');
  expect(tx.status()).toBe(200);
  const body = (await tx.json()) as { data: Array<{ type: string; credits: number }> };
  expect(body.data.filter((t) => t.type === 'purchase')).toEqual([
    expect.objectContaining({ type: 'purchase', credits: 2_100 }),
  ]);
});
