import { test as setup, expect } from '@playwright/test';
import { AUTH_STATE, SEED_ADMIN, SEED_DEMO, signInWithGoogle } from './support/accounts';

// Signs in the seeded accounts once with Google (the local OIDC server stands
// in for it; the production build has no other sign-in) and saves their
// cookies for the other specs (storageState).
const ACCOUNTS = [
  { email: SEED_DEMO, file: AUTH_STATE.demo, landing: '/studio' },
  { email: SEED_ADMIN, file: AUTH_STATE.admin, landing: '/admin' },
] as const;

for (const account of ACCOUNTS) {
  setup(`sign in ${account.email}`, async ({ page }) => {
    await signInWithGoogle(page, account.email, account.landing);
    const session = await page.request.get('/api/auth/session');
    expect((await session.json()).user.email).toBe(account.email);
    await page.context().storageState({ path: account.file });
  });
}
