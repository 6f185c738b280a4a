import { test, expect } from '@playwright/test';
import { AUTH_STATE } from './support/accounts';

test.use({ storageState: AUTH_STATE.demo });

test('credit dashboard shows balances, the 30-day chart, history with filters and CSV export', async ({
  page,
}) => {
  await page.goto('/credits');
  await expect(page.getByRole('heading', { name: 'Credits', level: 1 })).toBeVisible();
  await expect(page.getByTestId('free-balance')).toContainText('/ 3');
  await expect(page.getByText(/Tops up to 3 in/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Last 30 days' })).toBeVisible();
  const rows = page.getByRole('table', { name: /Credit transactions/ }).getByRole('row');
  await expect(rows.filter({ hasText: 'Daily free' }).first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/credits.png', fullPage: true });

  await page.getByLabel('Type').selectOption('chargeback');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/type=chargeback/);
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(rows.filter({ hasText: 'Daily free' }).first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString('utf8')).toMatch(/^created_at,type,credits/);
});

test('credit dashboard works on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/credits');
  await expect(page.getByTestId('total-balance')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/credits-mobile.png', fullPage: true });
});
