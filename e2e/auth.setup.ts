import { test as setup, expect } from '@playwright/test';

// Signs in the seeded accounts once through the development sign-in and saves
// their cookies for the other specs (storageState).
const ACCOUNTS = [
  { email: 'demo@trailroom.local', file: 'e2e/.auth/demo.json' },
  { email: 'admin@trailroom.local', file: 'e2e/.auth/admin.json' },
] as const;

for (const account of ACCOUNTS) {
  setup(`sign in ${account.email}`, async ({ page }) => {
    await page.goto('/signin?callbackUrl=/');
    await page.getByLabel('Email').fill(account.email);
    await page.getByRole('button', { name: 'Sign in with email' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    const session = await page.request.get('/api/auth/session');
    expect((await session.json()).user.email).toBe(account.email);
    await page.context().storageState({ path: account.file });
  });
}
