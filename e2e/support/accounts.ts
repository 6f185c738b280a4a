import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';

/** Helpers for specs about accounts, roles and sign-in. */
const appPort = Number(process.env.E2E_PORT ?? 3100);
export const SEED_ADMIN = 'admin@trailroom.local';
export const SEED_DEMO = 'demo@trailroom.local';

/**
 * Saved sessions of the seeded accounts (e2e/auth.setup.ts), one file per
 * server: a session is only valid against the database it was issued for.
 */
export const AUTH_STATE = {
  demo: `e2e/.auth/demo-${appPort}.json`,
  admin: `e2e/.auth/admin-${appPort}.json`,
} as const;

/** The port of the app server the running test's project talks to. */
function projectPort(): number {
  const base = test.info().project.use.baseURL;
  return base ? Number(new URL(base).port) : appPort;
}

/** The local OIDC server standing in for Google beside the running project's server (port + 1000). */
export function oidcUrl(): string {
  return `http://localhost:${projectPort() + 1000}`;
}

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
  const res = await request.post(`${oidcUrl()}/__test/next-login`, { data: next });
  expect(res.status()).toBe(204);
}

export function uniqueEmail(tag: string): string {
  return `${tag}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

/**
 * Signs `page` in with Google (the local OIDC server says who) and waits for
 * `landing`. The one sign-in of the production build; it works on the
 * development server too.
 */
export async function signInWithGoogle(
  page: Page,
  email: string,
  landing = '/account',
  identity: Omit<GoogleIdentity, 'email'> = {},
): Promise<void> {
  await queueGoogleLogin(page.request, { email, ...identity });
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByRole('button', { name: 'Sign in with Google' }).click();
  await page.waitForURL((url) => url.pathname === landing);
}

/** Signs in with Google in a fresh browser context. */
export async function signIn(
  browser: Browser,
  email: string,
  landing = '/account',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithGoogle(page, email, landing);
  return { context, page };
}

/** Signs in through the development sign-in (email only; `next dev` specs) in a fresh browser context. */
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

/** The seeded super admin, signed in with Google in a context of its own, and its API client. */
export async function seededAdmin(
  browser: Browser,
): Promise<{ context: BrowserContext; api: APIRequestContext }> {
  const { context } = await signIn(browser, SEED_ADMIN, '/admin');
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
