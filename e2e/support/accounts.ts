import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';

/** Helpers for specs about accounts, roles and sign-in. */
const appPort = Number(process.env.E2E_PORT ?? 3100);
export const OIDC_URL = `http://localhost:${Number(process.env.E2E_OIDC_PORT ?? appPort + 1000)}`;
export const SEED_ADMIN = 'admin@trailroom.local';
export const SEED_DEMO = 'demo@trailroom.local';

export interface GoogleIdentity {
  email: string;
  name?: string;
  sub?: string;
  picture?: string;
}

/** Tells the local OIDC server (Google's stand-in) who signs in next, or that they cancel. */
export async function queueGoogleLogin(
  request: APIRequestContext,
  next: GoogleIdentity | { deny: true },
): Promise<void> {
  const res = await request.post(`${OIDC_URL}/__test/next-login`, { data: next });
  expect(res.status()).toBe(204);
}

export function uniqueEmail(tag: string): string {
  return `${tag}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

/** Signs in through the development sign-in in a fresh browser context. */
export async function devSignIn(
  browser: Browser,
  email: string,
  landing = '/account',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in with email' }).click();
  await page.waitForURL((url) => url.pathname === landing);
  return { context, page };
}

/**
 * The seeded super admin's API client. Signed in here rather than read from
 * e2e/.auth/admin.json: parallel e2e servers share that file, and a token is
 * only valid against the database it was issued for.
 */
export async function seededAdmin(
  browser: Browser,
): Promise<{ context: BrowserContext; api: APIRequestContext }> {
  const { context } = await devSignIn(browser, SEED_ADMIN, '/admin');
  return { context, api: context.request };
}

export interface AdminUser {
  id: string;
  email: string;
  name: string | null;
  role: string;
  status: string;
  provider: string | null;
  last_login_at: string | null;
  created_at: string;
}

/** Finds people by email through the admin API (as the seeded super admin). */
export async function findUsers(admin: APIRequestContext, q: string): Promise<AdminUser[]> {
  const res = await admin.get(`/api/admin/users?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: AdminUser[] }).data;
}

export async function findUser(admin: APIRequestContext, email: string): Promise<AdminUser> {
  const users = (await findUsers(admin, email)).filter((u) => u.email === email);
  expect(users, `exactly one user ${email}`).toHaveLength(1);
  return users[0]!;
}

export async function setRole(
  admin: APIRequestContext,
  userId: string,
  role: string,
): Promise<void> {
  const res = await admin.post(`/api/admin/users/${userId}/role`, {
    data: { role, reason: 'e2e setup' },
  });
  expect(res.status(), await res.text()).toBe(200);
}
