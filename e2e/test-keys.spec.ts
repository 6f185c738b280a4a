import { test, expect } from '@playwright/test';
import { signIn, uniqueEmail } from './support/accounts';

/**
 * Test keys and spend caps in the UI: a developer creates a test key with a
 * daily credit cap beside a live key (kind badges, the cap shown), and sets
 * the account's monthly spend cap on the account page; a try-on past a key's
 * cap is refused with 402 spend_cap_reached.
 */

test('a developer creates a capped test key beside a live key and sets a monthly cap', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await signIn(browser, uniqueEmail('caps'), '/developers');

  // A live key, then a test key with a daily cap of 1 credit.
  await page.getByLabel('New key name').fill('Live backend');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('new-api-key')).toHaveText(/^tr_live_/);
  await page.keyboard.press('Escape');
  await page.getByLabel('New key name').fill('CI tests');
  await page.getByLabel('Kind').selectOption('test');
  await expect(page.getByText('tr_test_: never charged, preview results')).toBeVisible();
  await page.getByLabel('Daily credit cap (optional)').fill('0');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('A whole number of credits, 1 or more')).toBeVisible();
  await page.getByLabel('Daily credit cap (optional)').fill('1');
  await page.getByRole('button', { name: 'Create key' }).click();
  const testKey = ((await page.getByTestId('new-api-key').textContent()) ?? '').trim();
  expect(testKey).toMatch(/^tr_test_[0-9A-Za-z]{32}$/);
  await page.keyboard.press('Escape');

  const testRow = page.getByRole('row', { name: /CI tests/ });
  await expect(testRow.getByText('Test', { exact: true })).toBeVisible();
  await expect(testRow.getByText('1 credit/day')).toBeVisible();
  const liveRow = page.getByRole('row', { name: /Live backend/ });
  await expect(liveRow.getByText('Live', { exact: true })).toBeVisible();
  await expect(liveRow.getByText('None')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/developers-test-keys.png', fullPage: true });

  // The cap holds: a second try-on of 1 credit with the capped test key is refused.
  const person = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 300;
    c.height = 400;
    const g = c.getContext('2d')!;
    g.fillStyle = '#b0a090';
    g.fillRect(0, 0, 300, 400);
    return c.toDataURL('image/png');
  });
  const body = { mode: 'top', user_image: person, top_image: person };
  const first = await context.request.post('/api/v1/tryon', {
    headers: { 'x-api-key': testKey },
    data: body,
  });
  expect(first.status()).toBe(202);
  const second = await context.request.post('/api/v1/tryon', {
    headers: { 'x-api-key': testKey },
    data: body,
  });
  expect(second.status()).toBe(402);
  expect(await second.json()).toMatchObject({
    error: { code: 'spend_cap_reached', details: { scope: 'key_daily', cap: 1 } },
  });

  // The account's monthly cap, on the account page.
  await page.goto('/account');
  const card = page
    .getByRole('region', { name: 'Monthly spend cap' })
    .or(page.locator('[aria-labelledby="spend-cap-title"]'));
  await expect(card.getByTestId('spend-cap-usage')).toContainText('No cap');
  await card.getByLabel('Cap (credits per month)').fill('50');
  await card.getByRole('button', { name: 'Save cap' }).click();
  await expect(card.getByTestId('spend-cap-usage')).toContainText(
    'Used this month: 0 of 50 credits',
  );
  await page.reload();
  await expect(card.getByLabel('Cap (credits per month)')).toHaveValue('50');
  await page.screenshot({ path: 'e2e/screenshots/account-spend-cap.png', fullPage: true });

  // Phones: the key form and the cap card fit 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await card.getByRole('button', { name: 'Remove cap' }).click();
  await expect(card.getByTestId('spend-cap-usage')).toContainText('No cap');
  await page.screenshot({ path: 'e2e/screenshots/account-spend-cap-mobile.png', fullPage: true });
  await page.goto('/developers');
  await expect(page.getByTestId('api-key-card').filter({ hasText: 'CI tests' })).toContainText(
    '1 credit/day',
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({
    path: 'e2e/screenshots/developers-test-keys-mobile.png',
    fullPage: true,
  });
  await context.close();
});
