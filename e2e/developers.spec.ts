import { test, expect, type Page } from '@playwright/test';
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

/** The page fits the window: nothing scrolls sideways. */
async function expectNoSideScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what} is ${scrollWidth}px wide at ${innerWidth}px`).toBeLessThanOrEqual(
    innerWidth,
  );
}

test('on a phone the developer pages fit the screen and a key can be managed with a thumb', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/developers');
  const name = `Phone key ${Date.now()}`;
  await page.getByLabel('New key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'I have saved it' }).click();

  const card = page.getByTestId('api-key-card').filter({ hasText: name });
  await expect(card).toBeVisible();
  for (const action of ['Regenerate', 'Revoke']) {
    const button = card.getByRole('button', { name: `${action} ${name}` });
    // On screen once scrolled to (vertically): nothing hides it off the right edge.
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport();
    const box = await button.boundingBox();
    expect(box?.height ?? 0, `${action} is a 44 px target`).toBeGreaterThanOrEqual(44);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: 'e2e/screenshots/developers-mobile.png', fullPage: true });

  for (const width of [360, 390, 430]) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of ['/developers', '/developers/webhooks', '/developers/playground']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      await expectNoSideScroll(page, `${path} at ${width}px`);
    }
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/developers');
  await card.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(card).toHaveCount(0);
});
