import { test, expect } from '@playwright/test';

test('landing page loads with its call to action', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Try it on');
  await expect(page.getByRole('link', { name: 'Start free' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/landing.png', fullPage: true });
});

test('pages carry the security headers', async ({ request }) => {
  const res = await request.get('/');
  const h = res.headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['x-powered-by']).toBeUndefined();
});

test('health tells anonymous callers only that it is up', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  expect(await res.json()).toEqual({ status: 'ok' });
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
});

test('signed-in areas redirect anonymous visitors to sign-in with a return URL', async ({
  page,
}) => {
  await page.goto('/studio');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fstudio/);
});
