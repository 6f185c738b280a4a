import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { AUTH_STATE, seededAdmin, signIn, uniqueEmail } from './support/accounts';
import { completeCheckout } from './support/stripe';
import { garmentPng, personPng } from './support/studio';

/**
 * Organisations end to end on the production build (issue 11): a person
 * creates an organisation, invites a second person by link, both switch
 * into it; an admin finds the organisation and grants it credits; the
 * member's try-on spends the organisation's credits (not their own);
 * removing the member locks them out on their next page load; the
 * merchant dashboard shows the try-on. Screenshots at 1366×900 and 390×844.
 */

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function balance(api: APIRequestContext): Promise<number> {
  const res = await api.get('/api/v1/credits');
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { total_credits: number }).total_credits;
}

async function switchTo(page: Page, name: string) {
  const switcher = page.getByTestId('account-switcher');
  await switcher.getByRole('button', { expanded: false }).click();
  await switcher
    .getByRole('list', { name: 'Your accounts' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(switcher.getByRole('button', { expanded: false })).toContainText(name);
}

test.describe.configure({ mode: 'serial' });

test('an organisation from creation to a member locked out, with the admin and the dashboard', async ({
  browser,
}) => {
  test.slow();
  const ownerEmail = uniqueEmail('org-owner');
  const memberEmail = uniqueEmail('org-member');
  const orgName = `Acme ${Date.now().toString(36)}`;

  // 1. The owner creates the organisation; it becomes the active account.
  const owner = await signIn(browser, ownerEmail, '/studio');
  await owner.page.setViewportSize(DESKTOP);
  await owner.page.goto('/org/new');
  await owner.page.getByLabel('Organisation name').fill(orgName);
  const slug = await owner.page.getByLabel('Short name (slug)').inputValue();
  expect(slug).toMatch(/^acme-/);
  await owner.page.getByRole('button', { name: 'Create organisation' }).click();
  await owner.page.waitForURL('**/org/dashboard');
  await expect(owner.page.getByTestId('account-switcher')).toContainText(orgName);
  await expect(owner.page.getByTestId('account-context-banner')).toContainText(orgName);

  // 2. An invite link for a member.
  await owner.page.goto('/org/members');
  await owner.page.getByLabel('Role', { exact: true }).selectOption('member');
  await owner.page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await owner.page.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await expect(owner.page.getByTestId('pending-invite')).toHaveCount(1);
  await owner.page.screenshot({ path: 'e2e/screenshots/org-members.png', fullPage: true });

  // 3. The second person opens it signed in, accepts, and lands in the organisation.
  const member = await signIn(browser, memberEmail, '/studio');
  await member.page.setViewportSize(PHONE);
  await member.page.goto(new URL(link).pathname);
  await member.page.screenshot({ path: 'e2e/screenshots/org-invite-390.png', fullPage: true });
  await member.page.getByRole('button', { name: 'Accept invitation' }).click();
  await member.page.waitForURL('**/studio');
  await expect(member.page.getByTestId('account-context-banner')).toContainText(orgName);
  // The link works once: a third person gets a clear refusal.
  const late = await signIn(browser, uniqueEmail('org-late'), '/studio');
  await late.page.goto(new URL(link).pathname);
  await late.page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(late.page.getByTestId('invite-problem')).toContainText('can no longer be used');
  await late.context.close();
  const memberPersonal = await (async () => {
    await switchTo(member.page, 'Personal');
    return balance(member.context.request);
  })();
  await switchTo(member.page, orgName);
  expect(await balance(member.context.request)).toBe(0);

  // 4. The owner buys a pack for the organisation (its own Stripe checkout and ledger)…
  const checkout = await owner.context.request.post('/api/v1/billing/checkout', {
    data: { credits: 300 },
  });
  expect(checkout.status(), await checkout.text()).toBe(200);
  await completeCheckout(
    ((await checkout.json()) as { checkout_session_id: string }).checkout_session_id,
  );
  await expect.poll(() => balance(member.context.request)).toBe(300);

  // …and an admin finds the organisation and grants it credits (audited).
  const admin = await seededAdmin(browser);
  const adminPage = await admin.context.newPage();
  await adminPage.setViewportSize(DESKTOP);
  await adminPage.goto(`/admin/organizations?q=${encodeURIComponent(slug)}`);
  await adminPage.getByRole('link', { name: orgName }).click();
  await expect(adminPage.getByRole('heading', { name: orgName, level: 1 })).toBeVisible();
  await adminPage.getByLabel('Credits', { exact: true }).fill('20');
  await adminPage.getByLabel(/Why/).fill('e2e: starter credits for the shop');
  await adminPage.getByRole('button', { name: 'Apply adjustment' }).click();
  await adminPage.getByRole('button', { name: 'Add 20 credits' }).click();
  await expect(adminPage.getByText('Adjusted by +20 credits.')).toBeVisible();
  await adminPage.screenshot({ path: 'e2e/screenshots/admin-organization.png', fullPage: true });
  // The owner's page links back to their organisations.
  // (The page names the owner twice: as the creator and in the members table.)
  await adminPage.getByRole('link', { name: ownerEmail }).first().click();
  await expect(adminPage.getByRole('link', { name: orgName })).toBeVisible();
  expect(await balance(member.context.request)).toBe(320);

  // 5. The member's try-on in organisation context spends the organisation's credits.
  const res = await member.context.request.post('/api/v1/tryon', {
    multipart: {
      mode: 'top',
      user_image: { name: 'me.png', mimeType: 'image/png', buffer: await personPng() },
      top_image: { name: 'top.png', mimeType: 'image/png', buffer: await garmentPng('#0e7490') },
    },
  });
  expect(res.status(), await res.text()).toBe(202);
  const jobId = ((await res.json()) as { id: string }).id;
  await expect
    .poll(
      async () =>
        (
          (await (await member.context.request.get(`/api/v1/tryon/${jobId}`)).json()) as {
            status: string;
          }
        ).status,
      { timeout: 60_000 },
    )
    .toBe('completed');
  expect(await balance(member.context.request)).toBe(319);
  // The owner sees it in the organisation's history; the member's own credits are untouched.
  await owner.page.goto('/history');
  await expect(owner.page.locator(`a[href="/history/${jobId}"]`).first()).toBeVisible();

  // 6. The dashboard shows it.
  await owner.page.goto('/org/dashboard?range=7');
  await expect(owner.page.getByTestId('org-kpi-tryons')).toContainText('1');
  await expect(owner.page.getByTestId('org-kpi-credits')).toContainText('1');
  await expect(owner.page.getByTestId('account-switcher')).toContainText('319 credits');
  await expect(owner.page.getByTestId('org-chart-tryons')).toBeVisible();
  await owner.page.screenshot({ path: 'e2e/screenshots/org-dashboard.png', fullPage: true });
  const csv = await owner.context.request.get(
    (await owner.page.getByRole('link', { name: 'CSV: per day' }).getAttribute('href'))!,
  );
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^day,tryons,completed,failed,success_rate,credits_used\r\n/);
  await owner.page.setViewportSize(PHONE);
  await owner.page.screenshot({ path: 'e2e/screenshots/org-dashboard-390.png', fullPage: true });
  await owner.page.setViewportSize(DESKTOP);

  // 7. The owner removes the member; the member's next page load says so, and the API refuses.
  await owner.page.goto('/org/members');
  await owner.page
    .getByTestId(`member-${memberEmail}`)
    .getByRole('button', { name: /Remove/ })
    .click();
  await owner.page.getByRole('button', { name: 'Remove member' }).click();
  await expect(owner.page.getByTestId(`member-${memberEmail}`)).toHaveCount(0);
  await member.page.reload();
  await expect(member.page.getByTestId('account-refused')).toContainText('no longer have access');
  await member.page.screenshot({ path: 'e2e/screenshots/org-removed-390.png', fullPage: true });
  const refused = await member.context.request.get('/api/v1/credits');
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: 'organization_access_revoked' } });
  await member.page.getByRole('button', { name: 'Continue with my personal account' }).click();
  await expect(member.page.getByTestId('account-refused')).toHaveCount(0);
  expect(await balance(member.context.request)).toBe(memberPersonal);

  await owner.context.close();
  await member.context.close();
  await admin.context.close();
});

test('the account switcher works from the keyboard', async ({ browser }) => {
  const context = await browser.newContext({ storageState: AUTH_STATE.demo });
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  await page.goto('/credits');
  const switcher = page.getByTestId('account-switcher');
  const toggle = switcher.getByRole('button', { name: /^Account:/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const accounts = switcher.getByRole('list', { name: 'Your accounts' });
  await expect(accounts.getByRole('button', { name: /^Demo Shop Organisation/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/account-switcher-open.png' });
  // Escape closes it and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  // Enter, Tab to the organisation, Enter: the page reloads as the organisation.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(accounts.getByRole('button', { name: /^Demo Shop Organisation/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('account-context-banner')).toContainText('Demo Shop');
  await expect(toggle).toContainText('Demo Shop');
  await expect(page.getByRole('heading', { name: 'Credits', level: 1 })).toBeVisible();
  await context.close();
});
