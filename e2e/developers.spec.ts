import { test, expect } from '@playwright/test';
import { AUTH_STATE } from './support/accounts';

test.use({ storageState: AUTH_STATE.demo });

test('a developer creates an API key (shown once), calls the API with it, and revokes it', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto('/developers');
  await expect(page.getByRole('heading', { name: 'Developers', level: 1 })).toBeVisible();
  const name = `E2E key ${Date.now()}`;
  await page.getByLabel('New key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('cannot be shown again');
  const key = (await page.getByTestId('new-api-key').textContent())?.trim() ?? '';
  expect(key).toMatch(/^tr_live_[0-9A-Za-z]{32}$/);
  await page.screenshot({ path: 'e2e/screenshots/developers-new-key.png' });
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  // A fresh client with only the key (no cookies).
  const api = await playwright.request.newContext({ baseURL });
  const ok = await api.get('/api/v1/credits', { headers: { 'x-api-key': key } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toHaveProperty('total_credits');

  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  const revoked = await api.get('/api/v1/credits', { headers: { 'x-api-key': key } });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe('api_key_revoked');
  await api.dispose();
  await page.screenshot({ path: 'e2e/screenshots/developers.png', fullPage: true });
});
