import { readFile } from 'node:fs/promises';
import { test, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
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

  for (const size of [
    { name: 'desktop', width: 1366, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`"Download my data" saves a zip of the account (${size.name})`, async ({ browser }) => {
      const email = uniqueEmail(`export-${size.name}`);
      const { context, page } = await signIn(browser, email);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.reload();
      const button = page.getByRole('button', { name: 'Download my data' });
      await expect(button).toBeVisible();
      expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toMatch(/^trailroom-data-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      expect(Object.keys(files)).toEqual(
        expect.arrayContaining(['README.txt', 'profile.json', 'ledger.json', 'jobs.json']),
      );
      const profile = JSON.parse(strFromU8(files['profile.json']!)) as {
        account: { email: string };
      };
      expect(profile.account.email).toBe(email);
      await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible();
      await page.screenshot({
        path: `e2e/screenshots/account-export-${size.name}.png`,
        fullPage: true,
      });
      await context.close();
    });
  }
});
