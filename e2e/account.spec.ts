import { test, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { seededAdmin, signIn, findUsers, signInWithGoogle, uniqueEmail } from './support/accounts';

test.describe('account page', () => {
  let admin: APIRequestContext;

  let adminContext: BrowserContext;

  test.beforeAll(async ({ browser }) => {
    ({ context: adminContext, api: admin } = await seededAdmin(browser));
  });
  test.afterAll(async () => {
    await adminContext.close();
  });

  test('shows the profile and connected provider', async ({ browser }) => {
    const email = uniqueEmail('profile');
    const { context, page } = await signIn(browser, email);
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await expect(page.getByText(email).first()).toBeVisible();
    await expect(page.getByTestId('connected-provider')).toHaveText('Google');
    await page.screenshot({ path: 'e2e/screenshots/account.png', fullPage: true });
    await context.close();
  });

  test('sign out everywhere ends the sessions on every device', async ({ browser }) => {
    test.slow(); // two devices sign in
    const email = uniqueEmail('everywhere');
    const laptop = await signIn(browser, email);
    const phone = await signIn(browser, email);
    expect((await phone.page.request.get('/api/account')).status()).toBe(200);

    await laptop.page.getByRole('button', { name: 'Sign out of every device' }).click();
    await laptop.page.waitForURL(/\/signin\?notice=signed_out_everywhere/);
    await expect(
      laptop.page.getByRole('status').filter({ hasText: 'Signed out everywhere' }),
    ).toBeVisible();

    // The other device's old token no longer works, on pages or the API.
    const api = await phone.page.request.get('/api/account');
    expect(api.status()).toBe(401);
    await phone.page.goto('/account');
    await expect(phone.page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    expect(await (await phone.page.request.get('/api/auth/session')).json()).toEqual({});

    // Signing in again works.
    await signInWithGoogle(laptop.page, email);
    expect((await laptop.page.request.get('/api/account')).status()).toBe(200);
    await laptop.context.close();
    await phone.context.close();
  });

  test('deleting the account is confirmed in a dialog and removes the person', async ({
    browser,
  }) => {
    const email = uniqueEmail('leaver');
    const { context, page } = await signIn(browser, email);
    const [before] = await findUsers(admin, email);
    expect(before).toBeDefined();

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete your TrailRoom account?' });
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete account permanently' });
    await expect(confirm).toBeDisabled();
    // Escape keeps the account.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await dialog.getByLabel(/to confirm/).fill('not-my-email@e2e.test');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(email);
    await expect(confirm).toBeEnabled();
    await page.screenshot({ path: 'e2e/screenshots/account-delete-dialog.png' });
    await confirm.click();

    await page.waitForURL(/\/signin\?notice=account_deleted/);
    await expect(
      page.getByRole('status').filter({ hasText: 'Your account has been deleted' }),
    ).toBeVisible();
    expect(await findUsers(admin, email)).toEqual([]);
    const gone = await admin.get(`/api/admin/users/${before!.id}`);
    expect(await gone.json()).toMatchObject({
      status: 'deleted',
      email: `deleted-${before!.id}@deleted.invalid`,
      name: null,
    });
    await context.close();
  });
});
