import { test, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import {
  seededAdmin,
  oidcUrl,
  findUser,
  findUsers,
  queueGoogleLogin,
  uniqueEmail,
} from './support/accounts';

// The real OAuth authorization-code flow (PKCE + state) in the browser,
// against a local OpenID Connect server standing in for Google.
test.describe('Google sign-in', () => {
  let admin: APIRequestContext;
  const email = uniqueEmail('google.shopper');

  let adminContext: BrowserContext;

  test.beforeAll(async ({ browser }) => {
    ({ context: adminContext, api: admin } = await seededAdmin(browser));
  });
  test.afterAll(async () => {
    await adminContext.close();
  });

  test('a new person signs in with Google and gets an account', async ({ page, request }) => {
    await page.goto('/signin?callbackUrl=/account');
    await expect(page.getByRole('heading', { name: 'Sign in to TrailRoom' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/signin.png', fullPage: true });

    await queueGoogleLogin(request, { email, name: 'Grace Google', sub: 'google-sub-grace' });
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await expect(page.getByTestId('connected-provider')).toHaveText('Google');
    // The header's account switcher names the person too: look in the page itself.
    await expect(page.locator('#main').getByText('Grace Google')).toBeVisible();

    const session = await (await page.request.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ email, role: 'user' });

    const user = await findUser(admin, email);
    expect(user).toMatchObject({
      name: 'Grace Google',
      provider: 'google',
      role: 'user',
      status: 'active',
    });
    expect(user.last_login_at).not.toBeNull();
  });

  test('a returning person is updated, not duplicated', async ({ page, request }) => {
    const returning = uniqueEmail('google.returning');
    await queueGoogleLogin(request, { email: returning, name: 'Ada Byron', sub: 'google-sub-ada' });
    await page.goto('/signin?callbackUrl=/account');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    const before = await findUser(admin, returning);
    await page.context().clearCookies();

    await queueGoogleLogin(request, {
      email: returning,
      name: 'Ada Lovelace',
      sub: 'google-sub-ada',
      picture: 'https://lh3.googleusercontent.com/a/ada',
    });
    await page.goto('/signin?callbackUrl=/account');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await expect(page.locator('#main').getByText('Ada Lovelace')).toBeVisible();

    const after = await findUser(admin, returning);
    expect(after.id).toBe(before.id);
    expect(after.name).toBe('Ada Lovelace');
    expect(after.created_at).toBe(before.created_at);
    expect(new Date(after.last_login_at!).getTime()).toBeGreaterThan(
      new Date(before.last_login_at!).getTime(),
    );
  });

  test('a callback whose state does not match is refused', async ({ page, request, browser }) => {
    test.slow();
    const stranger = uniqueEmail('state.mismatch');
    await queueGoogleLogin(request, { email: stranger });
    await page.goto('/signin?callbackUrl=/account');
    // Hold the browser at the provider's authorize URL (after next-auth set its state and PKCE cookies).
    let authorizeUrl = '';
    await page.route(`${oidcUrl()}/authorize**`, async (route) => {
      authorizeUrl = route.request().url();
      // Answer in place of the provider (an aborted navigation may be retried by the browser).
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<p>Waiting at the provider</p>',
      });
    });
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await expect.poll(() => authorizeUrl).toContain('state=');
    await page.unrouteAll();
    // Consent at the provider: it answers with the redirect to our callback (code + state).
    const consent = await request.get(authorizeUrl, { maxRedirects: 0 });
    expect(consent.status()).toBe(302);
    const callback = new URL(consent.headers().location!);
    expect(callback.searchParams.get('code')).toBeTruthy();

    // Login CSRF: the genuine callback URL opened in another browser (no state cookie) is refused.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(callback.toString());
    await otherPage.waitForURL(/\/signin\?.*error=OAuthCallback/);
    expect(await (await otherPage.request.get('/api/auth/session')).json()).toEqual({});
    await other.close();

    // A forged state in the browser that started the flow is refused too.
    callback.searchParams.set('state', 'forged-state-value');
    await page.goto(callback.toString());
    await page.waitForURL(/\/signin\?.*error=OAuthCallback/);
    await expect(
      page.getByRole('alert').filter({ hasText: 'couldn’t be completed' }),
    ).toBeVisible();
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
    expect(await findUsers(admin, stranger)).toEqual([]);
    await page.screenshot({ path: 'e2e/screenshots/signin-state-mismatch.png', fullPage: true });
  });

  test('a sign-in POST without the CSRF token never reaches the provider', async ({ page }) => {
    await page.goto('/signin');
    const res = await page.request.post('/api/auth/signin/google', {
      form: { callbackUrl: '/studio' },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    const location = res.headers().location ?? '';
    expect(location).toContain('/signin?csrf=true');
    expect(location).not.toContain(oidcUrl());
    await page.goto(location);
    await expect(
      page.getByRole('status').filter({ hasText: 'The sign-in form had expired' }),
    ).toBeVisible();
  });

  test('cancelling consent at Google says so', async ({ page, request }) => {
    await queueGoogleLogin(request, { deny: true });
    await page.goto('/signin?callbackUrl=/studio');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.waitForURL(/\/signin\?error=access_denied/);
    await expect(page.getByRole('status').filter({ hasText: 'Sign-in cancelled' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/signin-cancelled.png', fullPage: true });
  });

  test('a suspended person cannot sign in with Google', async ({ page, request }) => {
    const blocked = uniqueEmail('google.suspended');
    await queueGoogleLogin(request, { email: blocked, name: 'Blocked Person' });
    await page.goto('/signin?callbackUrl=/account');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.context().clearCookies();
    const user = await findUser(admin, blocked);
    expect(
      (
        await admin.post(`/api/admin/users/${user.id}/suspend`, {
          data: { reason: 'e2e: suspended sign-in' },
        })
      ).status(),
    ).toBe(200);

    await queueGoogleLogin(request, { email: blocked, name: 'Blocked Person' });
    await page.goto('/signin?callbackUrl=/studio');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.waitForURL(/\/signin\?error=suspended/);
    await expect(
      page.getByRole('alert').filter({ hasText: 'This account is suspended' }),
    ).toBeVisible();
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
    // A refused sign-in is not a login.
    expect((await findUser(admin, blocked)).last_login_at).toBe(user.last_login_at);
    await page.screenshot({ path: 'e2e/screenshots/signin-suspended.png', fullPage: true });
  });
});
