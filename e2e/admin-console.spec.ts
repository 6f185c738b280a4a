import AxeBuilder from '@axe-core/playwright';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import {
  SEED_ADMIN,
  findUser,
  queueGoogleLogin,
  seededAdmin,
  signIn,
  uniqueEmail,
} from './support/accounts';

// Issue 15's admin items: landing after sign-in, links between a person's
// records, confirmation before money and suspension, a readable and
// filterable audit log, and every admin page at phone width.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(report, `${what}\n${report.join('\n')}`).toEqual([]);
}

/** The page does not scroll sideways: anything wide scrolls inside its own frame. */
async function expectNoSideScroll(page: Page, what: string) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${what} is ${scroll}px wide at ${inner}px`).toBeLessThanOrEqual(inner);
}

async function paidCredits(page: Page, userId: string): Promise<number> {
  const res = await page.request.get(`/api/admin/users/${userId}/credits`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { paid_credits: number }).paid_credits;
}

test.describe('admin console', () => {
  let context: BrowserContext;
  let admin: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context } = await seededAdmin(browser));
    admin = await context.newPage();
  });
  test.afterAll(async () => {
    await context.close();
  });

  test('admins land in the admin console after sign-in, shoppers in the studio', async ({
    browser,
  }) => {
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    await queueGoogleLogin(page.request, { email: SEED_ADMIN });
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await expect(page.getByRole('heading', { name: 'Admin overview' })).toBeVisible();
    // The studio stays one click away.
    await expect(page.getByRole('link', { name: 'Back to the studio' })).toBeVisible();
    await fresh.close();

    const shopper = await browser.newContext();
    const shopperPage = await shopper.newPage();
    await queueGoogleLogin(shopperPage.request, { email: uniqueEmail('lands') });
    await shopperPage.goto('/signin');
    await shopperPage.getByRole('button', { name: 'Sign in with Google' }).click();
    await shopperPage.waitForURL((url) => url.pathname === '/studio');
    await shopper.close();
  });

  test('a person’s page links to their records; adjusting and suspending ask first, and cancel changes nothing', async ({
    browser,
  }) => {
    test.slow();
    const email = uniqueEmail('confirm');
    const person = await signIn(browser, email, '/credits');
    await person.context.close();
    const { id } = await findUser(context.request, email);

    await admin.setViewportSize(DESKTOP);
    await admin.goto(`/admin/users/${id}`);
    await expect(admin.getByRole('heading', { level: 1, name: email })).toBeVisible();
    const records = admin.getByRole('navigation', { name: `Records of ${email}` });
    await expect(records.getByRole('link', { name: 'Jobs' })).toHaveAttribute(
      'href',
      `/admin/jobs?user=${id}`,
    );
    await expect(records.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      `/admin/payments?user=${id}`,
    );
    await expect(records.getByRole('link', { name: 'Credit ledger' })).toHaveAttribute(
      'href',
      `/admin/ledger?user=${id}`,
    );

    // The form checks the amount with the route's schema before asking.
    await admin.getByLabel('Credits', { exact: true }).fill('1.5');
    await admin.getByLabel('Why (kept in the audit log)').fill('e2e: goodwill');
    await admin.getByRole('button', { name: 'Apply adjustment' }).click();
    await expect(admin.getByText('enter a whole number')).toBeVisible();
    await expect(admin.getByRole('alertdialog')).toHaveCount(0);

    // Cancel: the dialog showed the effect, and the balance is unchanged.
    await admin.getByLabel('Credits', { exact: true }).fill('40');
    await admin.getByRole('button', { name: 'Apply adjustment' }).click();
    const confirm = admin.getByRole('alertdialog', { name: `Add 40 credits to ${email}?` });
    await expect(confirm).toContainText('Paid credits go from 0 to 40');
    await expect(confirm).toContainText('e2e: goodwill');
    await admin.screenshot({ path: 'e2e/screenshots/admin-adjust-confirm.png' });
    await expectAccessible(admin, 'the adjustment confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    expect(await paidCredits(admin, id)).toBe(0);
    await expect(admin.getByText('Currently 0 paid credits.')).toBeVisible();

    // Confirm: applied once.
    await admin.getByRole('button', { name: 'Apply adjustment' }).click();
    await confirm.getByRole('button', { name: 'Add 40 credits' }).click();
    await expect(
      admin.getByRole('status').filter({ hasText: 'Adjusted by +40 credits.' }),
    ).toBeVisible();
    await expect(admin.getByText('Currently 40 paid credits.')).toBeVisible();
    expect(await paidCredits(admin, id)).toBe(40);

    // Suspension asks too; cancel leaves the person active.
    await admin.getByLabel(/Reason \(recorded/).fill('e2e: checking the confirmation');
    await admin.getByRole('button', { name: 'Suspend account' }).click();
    const suspend = admin.getByRole('alertdialog', { name: `Suspend ${email}?` });
    await expect(suspend).toContainText('e2e: checking the confirmation');
    await suspend.getByRole('button', { name: 'Cancel' }).click();
    await expect(suspend).toHaveCount(0);
    const after = (await (await admin.request.get(`/api/admin/users/${id}`)).json()) as {
      status: string;
    };
    expect(after.status).toBe('active');

    // The history names the record readably, with a link.
    const history = admin.getByRole('table', { name: `Admin actions on ${email}` });
    await expect(history.getByRole('link', { name: email })).toHaveAttribute(
      'href',
      `/admin/users/${id}`,
    );
    await admin.screenshot({ path: 'e2e/screenshots/admin-user-detail.png', fullPage: true });
    await expectAccessible(admin, `/admin/users/${id}`);

    // The links open the lists filtered to this person.
    await records.getByRole('link', { name: 'Credit ledger' }).click();
    await admin.waitForURL(`**/admin/ledger?user=${id}`);
    await expect(admin.getByRole('heading', { level: 1, name: 'Credit ledger' })).toBeVisible();
    const ledger = admin.getByRole('table', { name: `Ledger entries of ${email}` });
    await expect(ledger.getByRole('row').filter({ hasText: 'admin adjustment' })).toContainText(
      '+40',
    );
    await expectAccessible(admin, '/admin/ledger?user=');
    await admin.goBack();
    await records.getByRole('link', { name: 'Jobs' }).click();
    await admin.waitForURL(`**/admin/jobs?user=${id}`);
    await expect(admin.getByLabel('User email or id')).toHaveValue(id);
    await expect(admin.getByText('No jobs match these filters.')).toBeVisible();
    await admin.goBack();
    await records.getByRole('link', { name: 'Payments' }).click();
    await admin.waitForURL(`**/admin/payments?user=${id}`);
    await expect(admin.getByLabel('User email or id')).toHaveValue(id);
  });

  test('the audit log filters by part of the action, the admin and dates, and says why it is empty', async ({
    browser,
  }) => {
    // One adjustment to find (through the API, as the form is covered above).
    const email = uniqueEmail('audited');
    const person = await signIn(browser, email, '/credits');
    await person.context.close();
    const { id } = await findUser(context.request, email);
    const res = await context.request.post(`/api/admin/users/${id}/credits`, {
      data: { credits: 3, reason: 'e2e: audit filter', idempotency_key: crypto.randomUUID() },
    });
    expect(res.status()).toBe(200);

    await admin.setViewportSize(DESKTOP);
    await admin.goto('/admin/audit-logs');
    await admin.getByLabel('Action contains').fill('ADJUST');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.waitForURL(/action=ADJUST/);
    const table = admin.getByRole('table', { name: 'Audit log entries' });
    const actions = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.toLowerCase()).toContain('adjust');
    // Entities are named, not id tails: a person shows as their email, linked to their page.
    const entity = table.locator('tbody tr').first().locator('td').nth(3).getByRole('link');
    await expect(entity).toHaveText(/@/);
    await expect(entity).toHaveAttribute('href', /^\/admin\/users\/[0-9a-f]{24}$/);
    await admin.screenshot({ path: 'e2e/screenshots/admin-audit-filtered.png', fullPage: true });
    await expectAccessible(admin, '/admin/audit-logs?action=ADJUST');

    await admin.goto(
      `/admin/audit-logs?actor=${encodeURIComponent('admin@trailroom')}&action=adjust`,
    );
    await expect(table.locator('tbody tr').first()).toContainText(SEED_ADMIN);
    await admin.goto('/admin/audit-logs?action=no-such-action-anywhere');
    await expect(admin.getByText('No actions match these filters.')).toBeVisible();
    await expect(admin.getByText('No admin actions recorded yet.')).toHaveCount(0);
    await admin.goto('/admin/audit-logs?date_from=2099-01-01');
    await expect(admin.getByText('No actions match these filters.')).toBeVisible();
    await admin.goto('/admin/audit-logs?date_from=2026-02-02&date_to=2026-02-01');
    await expect(
      admin.getByRole('status').filter({ hasText: 'Some filters were not valid' }),
    ).toBeVisible();
  });

  test('every admin page fits a 390 px phone without sideways scrolling', async () => {
    test.slow();
    const { id } = await findUser(context.request, SEED_ADMIN);
    await admin.setViewportSize(PHONE);
    const paths = [
      '/admin',
      '/admin/users',
      `/admin/users/${id}`,
      '/admin/jobs',
      '/admin/payments',
      '/admin/ledger',
      `/admin/ledger?user=${id}`,
      '/admin/audit-logs',
      '/admin/analytics',
      '/admin/prompts',
      '/admin/prompts/top_only',
      '/admin/prompts/system',
      '/admin/prompts/full_outfit',
    ];
    for (const path of paths) {
      await admin.goto(path);
      await admin.waitForLoadState('load');
      await expectNoSideScroll(admin, path);
    }
    await admin.goto('/admin/prompts/top_only');
    await admin.screenshot({ path: 'e2e/screenshots/admin-prompt-390.png', fullPage: true });
    await expectAccessible(admin, '/admin/prompts/top_only at 390 px');
    await admin.goto(`/admin/users/${id}`);
    await admin.screenshot({ path: 'e2e/screenshots/admin-user-390.png', fullPage: true });
    await admin.goto('/admin/audit-logs');
    await admin.screenshot({ path: 'e2e/screenshots/admin-audit-390.png', fullPage: true });
    await admin.setViewportSize(DESKTOP);
  });
});
