import { test, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import {
  SEED_DEMO,
  seededAdmin,
  signIn,
  findUser,
  queueGoogleLogin,
  setRole,
  uniqueEmail,
} from './support/accounts';

// Admin pages by role (DESIGN.md "Roles and admin"), and suspension and
// demotion taking effect on the person's next request.
test.describe('admin area', () => {
  let admin: APIRequestContext;

  let adminContext: BrowserContext;

  test.beforeAll(async ({ browser }) => {
    ({ context: adminContext, api: admin } = await seededAdmin(browser));
  });
  test.afterAll(async () => {
    await adminContext.close();
  });

  test('anonymous visitors are sent to sign-in; the admin API answers 401', async ({
    page,
    request,
  }) => {
    for (const path of ['/admin', '/admin/users', '/admin/audit-logs']) {
      await page.goto(path);
      await expect(page).toHaveURL(
        new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}$`),
      );
    }
    const res = await request.get('/api/admin/users');
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  test('each role sees exactly its admin pages', async ({ browser }) => {
    test.slow(); // several people sign in, each in their own browser
    const { context: shopper, page: shopperPage } = await signIn(browser, SEED_DEMO, '/studio');
    for (const path of ['/admin', '/admin/users', '/admin/audit-logs']) {
      await shopperPage.goto(path);
      await expect(shopperPage).toHaveURL(/\/forbidden$/);
    }
    await expect(
      shopperPage.getByRole('heading', { name: 'You don’t have access to that page' }),
    ).toBeVisible();
    await shopperPage.screenshot({ path: 'e2e/screenshots/forbidden.png', fullPage: true });
    await shopper.close();

    const financeEmail = uniqueEmail('finance');
    const finance = await signIn(browser, financeEmail);
    await setRole(admin, (await findUser(admin, financeEmail)).id, 'finance_admin');
    // No new sign-in needed: the role is read from the database on each request.
    await finance.page.goto('/admin');
    await expect(finance.page.getByRole('heading', { name: 'Admin overview' })).toBeVisible();
    await expect(finance.page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await finance.page.goto('/admin/audit-logs');
    await expect(finance.page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await finance.page.goto('/admin/users');
    await expect(finance.page).toHaveURL(/\/forbidden$/);
    const financeApi = await finance.page.request.get('/api/admin/users');
    expect(financeApi.status()).toBe(403);
    expect(await financeApi.json()).toMatchObject({ error: { code: 'forbidden' } });
    await finance.context.close();

    const supportEmail = uniqueEmail('support');
    const support = await signIn(browser, supportEmail);
    const supportUser = await findUser(admin, supportEmail);
    await setRole(admin, supportUser.id, 'support_admin');
    const target = await findUser(admin, financeEmail);
    await support.page.goto(`/admin/users/${target.id}`);
    await expect(support.page.getByRole('heading', { name: financeEmail })).toBeVisible();
    // Support admins cannot suspend another admin, nor change roles.
    await expect(support.page.getByRole('button', { name: 'Suspend account' })).toHaveCount(0);
    await expect(support.page.getByRole('button', { name: 'Change role' })).toHaveCount(0);
    const roleApi = await support.page.request.post(`/api/admin/users/${target.id}/role`, {
      data: { role: 'user' },
    });
    expect(roleApi.status()).toBe(403);

    // Demotion takes effect on the next request.
    await setRole(admin, supportUser.id, 'user');
    await support.page.goto('/admin/users');
    await expect(support.page).toHaveURL(/\/forbidden$/);
    expect((await support.page.request.get('/api/admin/users')).status()).toBe(403);
    await support.context.close();
  });

  test('a super admin finds a person, suspends them (effective at once), and lifts it', async ({
    browser,
  }) => {
    test.slow(); // a whole support story, across two browsers
    const email = uniqueEmail('to.suspend');
    const person = await signIn(browser, email);
    expect((await person.page.request.get('/api/account')).status()).toBe(200);

    const page = await adminContext.newPage();
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Admin overview' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/admin-overview.png', fullPage: true });

    await page.goto('/admin/users');
    await page.getByLabel('Email or name').fill(email.split('@')[0]!);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByRole('link', { name: email })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/admin-users.png', fullPage: true });
    await page.getByRole('link', { name: email }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f]{24}$/);
    await expect(page.getByRole('heading', { name: email })).toBeVisible();

    await page.getByLabel(/Reason \(recorded/).fill('Uploading other people’s photos');
    await page.getByRole('button', { name: 'Suspend account' }).click();
    // Suspension asks first, saying what it does.
    const confirmSuspend = page.getByRole('alertdialog', { name: `Suspend ${email}?` });
    await expect(confirmSuspend).toContainText('signed out everywhere');
    await confirmSuspend.getByRole('button', { name: 'Suspend now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Account suspended' })).toBeVisible();
    await expect(page.getByText('Suspended: Uploading other people’s photos')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'user.suspend' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/admin-user-suspended.png', fullPage: true });

    // The person's very next request is refused.
    const api = await person.page.request.get('/api/account');
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: 'account_suspended' } });
    await person.page.goto('/studio');
    await expect(person.page).toHaveURL(/\/signin\?error=suspended/);
    await expect(
      person.page.getByRole('alert').filter({ hasText: 'This account is suspended' }),
    ).toBeVisible();
    // And they cannot sign in again.
    await queueGoogleLogin(person.page.request, { email });
    // The page already shows ?error=suspended: wait for the sign-in attempt itself to be
    // answered, or the suspension could be lifted while it is still in flight.
    const attempt = person.page.waitForResponse((r) =>
      r.url().includes('/api/auth/callback/google'),
    );
    await person.page.getByRole('button', { name: 'Sign in with Google' }).click();
    await attempt;
    await expect(person.page).toHaveURL(/\/signin\?error=suspended/);

    await page.getByRole('button', { name: 'Lift suspension' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Suspension lifted' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'user.unsuspend' })).toBeVisible();

    // Old sessions stay signed out; a fresh sign-in works.
    expect((await person.page.request.get('/api/account')).status()).toBe(401);
    await person.context.close();
    const again = await signIn(browser, email);
    expect((await again.page.request.get('/api/account')).status()).toBe(200);

    // Promote through the UI; effective on the person's next request.
    await page.getByRole('radio', { name: /Support admin/ }).check();
    await page.getByLabel('Reason (optional)').fill('Joined the support team');
    await page.getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Role changed' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'user.role_change' })).toBeVisible();
    await again.page.goto('/admin/users');
    await expect(again.page.getByRole('heading', { name: 'Users' })).toBeVisible();

    await page.goto('/admin/audit-logs');
    await expect(page.getByRole('cell', { name: 'user.role_change' }).first()).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/admin-audit-log.png', fullPage: true });
    await again.context.close();
    await page.close();
  });

  test('a super admin adjusts a person’s paid credits with a reason, and the person has them', async ({
    browser,
  }) => {
    const email = uniqueEmail('adjusted');
    const person = await signIn(browser, email, '/credits');
    const target = await findUser(admin, email);
    const page = await adminContext.newPage();
    await page.goto(`/admin/users/${target.id}`);
    await expect(page.getByRole('heading', { name: email })).toBeVisible();
    await page.getByLabel('Credits', { exact: true }).fill('25');
    await page.getByLabel('Why (kept in the audit log)').fill('e2e: goodwill after an outage');
    await page.getByRole('button', { name: 'Apply adjustment' }).click();
    // The confirmation shows the effect before anything is applied.
    const confirmAdjust = page.getByRole('alertdialog', { name: `Add 25 credits to ${email}?` });
    await expect(confirmAdjust).toContainText('Paid credits go from 0 to 25');
    await confirmAdjust.getByRole('button', { name: 'Add 25 credits' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Adjusted by +25 credits.' }),
    ).toBeVisible();
    await expect(page.getByText('Currently 25 paid credits.')).toBeVisible();

    const credits = (await (await person.page.request.get('/api/v1/credits')).json()) as {
      paid_credits: number;
    };
    expect(credits.paid_credits).toBe(25);
    await person.page.reload();
    await expect(person.page.getByTestId('paid-balance')).toHaveText('25');
    await page.close();
    await person.context.close();
  });
});
