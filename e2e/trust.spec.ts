import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

/**
 * The trust pages (privacy, terms), where they are linked from, and the
 * branded 404 — axe-clean, without sideways scrolling, at desktop and phone
 * sizes.
 */

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const fits = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;

test('privacy policy states what is stored, the provider this server uses, retention, deletion and export', async ({
  page,
}) => {
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  for (const section of [
    'What we store',
    'Who can see your photos',
    'Which AI provider receives your photos',
    'How long we keep things',
    'Deleting and downloading your data',
    'Questions and requests',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(section) })).toBeVisible();
  }
  // The e2e server has no model key: the page says photos stay on our servers.
  const providers = page.getByTestId('privacy-providers');
  await expect(providers).toContainText('Top-only try-ons: TrailRoom’s own server');
  await expect(providers).toContainText('your photos do not leave our servers');
  await expect(page.getByText('No external AI provider is configured here')).toBeVisible();
  await expect(page.getByText(/Try-on photos and results: 30 days/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'account page' })).toHaveAttribute(
    'href',
    '/account',
  );
  await expect(page.getByRole('link', { name: 'support form' })).toHaveAttribute(
    'href',
    '/support',
  );
  await expect(page.getByRole('link', { name: /^support@/ })).toHaveAttribute(
    'href',
    /^mailto:support@/,
  );
});

test('terms of service cover photos, results, credits, the API, suspension and leaving', async ({
  page,
}) => {
  await page.goto('/terms');
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of service' })).toBeVisible();
  await expect(page.getByText('A top-only try-on costs 1 credit')).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: /Suspension/ }).locator('..'),
  ).toContainText('support form');
  await page.getByRole('link', { name: 'Privacy policy' }).last().click();
  await expect(page).toHaveURL(/\/privacy$/);
});

test('the footer and the sign-in page link to the trust pages', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('navigation', { name: 'Footer' });
  await expect(footer.getByRole('link', { name: 'Support' })).toHaveAttribute('href', '/support');
  await footer.getByRole('link', { name: 'Privacy' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await page
    .getByRole('navigation', { name: 'Footer' })
    .getByRole('link', { name: 'Terms' })
    .click();
  await expect(page).toHaveURL(/\/terms$/);

  await page.goto('/signin');
  await expect(page.getByRole('link', { name: 'privacy policy' })).toHaveAttribute(
    'href',
    '/privacy',
  );
});

test('an unknown address answers 404 with the branded page and ways back', async ({ page }) => {
  const res = await page.goto('/no-such-page-here');
  expect(res?.status()).toBe(404);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This page isn’t in the fitting room' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the studio' })).toHaveAttribute(
    'href',
    '/studio',
  );
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

for (const size of SIZES) {
  test(`privacy, terms and 404 are axe-clean and fit at ${size.width} px`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [path, shot] of [
      ['/privacy', 'privacy'],
      ['/terms', 'terms'],
      ['/no-such-page-here', 'not-found'],
    ] as const) {
      await page.goto(path);
      await page.waitForLoadState('load');
      expect(await axeViolations(page), path).toEqual([]);
      expect(await fits(page), `${path} scrolls sideways`).toBe(true);
      await page.screenshot({ path: `e2e/screenshots/${shot}-${size.name}.png`, fullPage: true });
    }
  });
}
