import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { AUTH_STATE } from './support/accounts';

/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) over the
 * pages people use most, signed out, as a shopper and as an admin. Any
 * violation fails with the rule, its impact and the offending elements.
 */
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('load');
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
  expect(report, `${path}\n${report.join('\n')}`).toEqual([]);
}

test.describe('signed out', () => {
  for (const path of ['/', '/pricing', '/docs', '/signin']) {
    test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
      await expectAccessible(page, path);
    });
  }
});

test.describe('shopper', () => {
  test.use({ storageState: AUTH_STATE.demo });
  for (const path of [
    '/studio',
    '/history',
    '/credits',
    '/billing',
    '/account',
    '/developers',
    '/developers/webhooks',
    '/developers/playground',
  ]) {
    test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
      await expectAccessible(page, path);
    });
  }
});

test.describe('organisation (the demo shopper acting for Demo Shop)', () => {
  test.use({ storageState: AUTH_STATE.demo });
  test.beforeEach(async ({ page }) => {
    const orgs = (await (await page.request.get('/api/orgs')).json()) as {
      data: Array<{ id: string; slug: string }>;
    };
    const shop = orgs.data.find((o) => o.slug === 'demo-shop');
    expect(shop, 'the seeded Demo Shop').toBeDefined();
    await page
      .context()
      .addCookies([{ name: 'tr_account', value: shop!.id, url: test.info().project.use.baseURL! }]);
  });
  for (const path of ['/org/dashboard', '/org/members', '/org/settings', '/org/new']) {
    test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
      await expectAccessible(page, path);
    });
  }
});

test.describe('admin', () => {
  test.use({ storageState: AUTH_STATE.admin });
  for (const path of [
    '/admin',
    '/admin/users',
    '/admin/organizations',
    '/admin/jobs',
    '/admin/payments',
    '/admin/ledger',
    '/admin/audit-logs',
    '/admin/analytics',
    '/admin/prompts',
  ]) {
    test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
      await expectAccessible(page, path);
    });
  }
});
