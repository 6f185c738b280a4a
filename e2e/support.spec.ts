import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { AUTH_STATE, signIn, uniqueEmail } from './support/accounts';

/**
 * The support contact: a form on /support that anyone can send (signed in,
 * we answer at the account's address), which admins read and mark handled
 * at /admin/support. At phone and desktop sizes, with axe over the page.
 */

async function expectNoSideScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `page is ${scrollWidth}px wide in a ${innerWidth}px window`,
  ).toBeLessThanOrEqual(innerWidth);
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`),
  ).toEqual([]);
}

test('signed out on a phone: the form checks its fields, then reaches the team', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/support');
  await expect(page.getByRole('heading', { name: 'Contact support', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^support@/ })).toHaveAttribute('href', /^mailto:/);
  await expectNoSideScroll(page);
  await expectAccessible(page);

  // Nothing filled in: each field says what it needs, beside it, and nothing is sent.
  await page.getByRole('button', { name: 'Send message' }).click();
  const email = page.getByLabel('Your email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('enter an email address we can answer')).toBeVisible();
  await expect(page.getByText('choose what it is about')).toBeVisible();
  await expect(page.getByText(/tell us a little more/)).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/support-errors-mobile.png', fullPage: true });

  const sender = uniqueEmail('support-anon');
  await email.fill(sender);
  await page.getByLabel('Your name (optional)').fill('Robin Anon');
  await page.getByLabel('What is it about?').selectOption('privacy');
  await page
    .getByLabel('Your message')
    .fill('How long do you keep my photos after I delete a try-on?');
  // Every control a finger can hit.
  for (const control of [email, page.getByRole('button', { name: 'Send message' })]) {
    expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'your message has reached the TrailRoom team' }),
  ).toBeVisible();
  await expectNoSideScroll(page);
  await page.screenshot({ path: 'e2e/screenshots/support-sent-mobile.png', fullPage: true });
  await context.close();
});

test('signed in on a desktop: answered at the account address; an admin marks it handled', async ({
  browser,
}) => {
  test.slow(); // two sign-ins
  const email = uniqueEmail('support-user');
  const { context, page } = await signIn(browser, email, '/account');
  await page.goto('/support');
  await expect(page.getByText(`we will answer at ${email}`)).toBeVisible();
  await expect(page.getByLabel('Your email')).toHaveCount(0);
  await expectAccessible(page);
  const message = `My credits vanished after a failed try-on (${Date.now()}).`;
  await page.getByLabel('What is it about?').selectOption('billing');
  await page.getByLabel('Your message').fill(message);
  await page.screenshot({ path: 'e2e/screenshots/support.png', fullPage: true });
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'your message has reached the TrailRoom team' }),
  ).toContainText(email);
  await context.close();

  const admin = await browser.newContext({ storageState: AUTH_STATE.admin });
  const adminPage = await admin.newPage();
  await adminPage.goto('/admin/support');
  await expect(adminPage.getByRole('heading', { name: 'Support messages' })).toBeVisible();
  const card = adminPage.getByTestId('support-message').filter({ hasText: message });
  await expect(card).toContainText(email);
  await expect(card).toContainText('Credits, payments or refunds');
  await expect(card).toContainText('Open');
  await expect(card.getByRole('link', { name: 'their account' })).toBeVisible();
  await adminPage.screenshot({ path: 'e2e/screenshots/admin-support.png', fullPage: true });
  await card.getByRole('button', { name: `Mark handled: message from ${email}` }).click();
  // Handled messages leave the open list and appear under Handled.
  await expect(adminPage.getByTestId('support-message').filter({ hasText: message })).toHaveCount(
    0,
  );
  await adminPage.getByRole('link', { name: 'Handled' }).click();
  await expect(adminPage.getByTestId('support-message').filter({ hasText: message })).toContainText(
    'Handled',
  );
  await adminPage.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(adminPage);
  await admin.close();
});

test('a shopper cannot open the support inbox', async ({ browser }) => {
  const context = await browser.newContext({ storageState: AUTH_STATE.demo });
  const page = await context.newPage();
  await page.goto('/admin/support');
  await expect(page).toHaveURL(/\/forbidden/);
  await context.close();
});
