import { test, expect } from '@playwright/test';
import { queueGoogleLogin, uniqueEmail } from './support/accounts';
import { holdAtStripeCheckout } from './support/stripe';

// A brand-new shopper signs in with Google on the way to buying the
// recommended 2,100-credit pack, pays at Stripe Checkout (stripe-mock behind a
// stand-in; Stripe's webhook signed with the SDK's test helper), and sees the
// credits arrive, the payment and the ledger entry.
test('a new user buys 2,100 credits through Stripe Checkout', async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('buyer');

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
  // The production build offers Google only: no development email form.
  await expect(page.getByLabel('Email')).toHaveCount(0);
  await queueGoogleLogin(page.request, { email, name: 'Bea Buyer' });
  await page.getByRole('button', { name: 'Sign in with Google' }).click();
  await page.waitForURL(/\/pricing\?credits=2100/);

  // Checkout → Stripe's hosted page, where the stand-in customer pays.
  const stripe = await holdAtStripeCheckout(page);
  await page.getByRole('button', { name: 'Buy 2,100 credits' }).last().click();
  await page.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
  const paid = await stripe.pay();
  // What the app asked Stripe for: the server-computed price of exactly this pack.
  expect(paid).toMatchObject({
    amount_total: 3_780,
    currency: 'usd',
    metadata: expect.objectContaining({ credits: '2100' }),
  });

  // The success page polls until the webhook has granted the credits.
  await page.waitForURL(/\/billing\/success\?session_id=cs_test_/);
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

test('pricing page on a phone', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto('/pricing');
  await expect(page.getByTestId('order-total')).toHaveText('$6.00');
  // Keyboard on the slider moves the amount up.
  await page.getByRole('slider', { name: 'Credits' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('order-total')).toHaveText('$1,500.00');
  await page.screenshot({ path: 'e2e/screenshots/pricing-mobile.png', fullPage: true });
  await context.close();
});
