import { test, expect } from '@playwright/test';
import { devSignIn, uniqueEmail } from '../support/accounts';

// Development server only: the email-only sign-in of `npm run dev` (off on
// the production build, see e2e/production.spec.ts).
test('the development sign-in lists the seeded logins and signs in by email alone', async ({
  page,
  browser,
}) => {
  await page.goto('/signin');
  await expect(page.getByText('admin@trailroom.local').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in with email' })).toBeVisible();

  const email = uniqueEmail('dev-login');
  const { context, page: account } = await devSignIn(browser, email);
  await expect(account.getByText(email).first()).toBeVisible();
  await expect(account.getByTestId('connected-provider')).toHaveText(
    'Development sign-in (email only)',
  );
  await account.screenshot({ path: 'e2e/screenshots/account.png', fullPage: true });
  await context.close();
});
