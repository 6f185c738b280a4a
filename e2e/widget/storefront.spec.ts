import path from 'node:path';
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type FrameLocator,
  type Page,
} from '@playwright/test';
import { AUTH_STATE } from '../support/accounts';
import { appOrigin, demoShop, expectClosed, widget } from './support';

/**
 * The storefront widget end to end, across two origins, on the production build: the demo
 * shop (demo-store/, served by the e2e server on E2E_PORT + 3000 with the seeded Demo Shop
 * organisation's pk_live_ key) frames the real dialog; the shopper is an anonymous visitor in
 * a context of their own; the organisation's balance is read by its owner (the seeded demo
 * shopper) through GET /api/orgs/{id}.
 */
const PHOTO = path.resolve('public/samples/person-ada.png');

test.describe.configure({ mode: 'serial' });
test.use({ storageState: AUTH_STATE.demo });

async function demoOrg(request: APIRequestContext): Promise<{ id: string; balance: number }> {
  const list = await request.get('/api/orgs');
  expect(list.status()).toBe(200);
  const orgs = ((await list.json()) as { data: Array<{ id: string; slug: string }> }).data;
  const org = orgs.find((o) => o.slug === 'demo-shop');
  expect(org, 'the seed made the demo shopper the owner of Demo Shop').toBeTruthy();
  const res = await request.get(`/api/orgs/${org?.id}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { organization: { credits: { total: number } } };
  return { id: org?.id ?? '', balance: body.organization.credits.total };
}

/** A shopper: a fresh browser context (no TrailRoom session), on a demo shop page. */
async function visitor(
  browser: Browser,
  url: string,
  viewport = { width: 1366, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, storageState: undefined });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'TrailRoom' in window, null, { timeout: 15_000 });
  return page;
}

/** Consent, a photo, "Try it on" inside the dialog; resolves when the result is shown. */
async function tryOnInWidget(frame: FrameLocator, productName: string) {
  await expect(frame.getByRole('heading', { name: `Try on ${productName}` })).toBeVisible();
  await expect(frame.getByText(/deleted within 24 hours/).first()).toBeVisible();
  await frame.getByRole('button', { name: 'Agree and continue' }).click();
  await frame.locator('#widget-photo-upload').setInputFiles(PHOTO);
  await expect(frame.getByRole('img', { name: 'Your photo' })).toBeVisible();
  await frame.getByRole('button', { name: 'Try it on' }).click();
  await expect(frame.getByRole('img', { name: `You wearing ${productName}` })).toBeVisible({
    timeout: 45_000,
  });
}

test.describe('storefront widget', () => {
  test('on the demo shop a visitor tries a top on; the organisation pays its cost; add to cart is recorded', async ({
    browser,
    page: owner,
  }) => {
    const request = owner.request;
    const before = await demoOrg(request);
    const shop = demoShop();
    const page = await visitor(browser, `${shop.allowed}/products/tee.html`);
    const completed = page.evaluate(
      () =>
        new Promise<unknown>((resolve) =>
          document.addEventListener('trailroom:completed', (e) =>
            resolve((e as CustomEvent).detail),
          ),
        ),
    );
    // The dialog is framed only for this shop: its CSP names the shop's origin and nothing else.
    const framed = page.waitForResponse((r) => r.url().startsWith(`${appOrigin()}/embed/tryon`));
    await page.getByRole('button', { name: 'Try it on' }).click();
    const csp = (await framed).headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(new RegExp(`frame-ancestors ${shop.allowed}(;|$)`));

    const w = widget(page);
    await expect(w.dialog).toBeVisible();
    await tryOnInWidget(w.frame, 'Everyday Cotton Tee — Blue');
    expect(await completed).toEqual({ jobId: expect.any(String), sku: 'DEMO-TEE-BLUE' });
    await expect(w.frame.getByRole('link', { name: 'Download' })).toBeVisible();
    // The same product family, one click away.
    await expect(
      w.frame.getByRole('button', { name: 'Everyday Cotton Tee — Coral' }),
    ).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/widget-storefront-result-1366.png' });

    // A top costs 1 credit, from the organisation's pool.
    await expect.poll(async () => (await demoOrg(request)).balance).toBe(before.balance - 1);

    await w.frame.getByRole('button', { name: 'Done' }).click();
    await expectClosed(page);
    await expect(page.getByRole('button', { name: 'Try it on' })).toBeFocused();

    const beacon = page.waitForResponse(`${appOrigin()}/api/widget/events`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    expect((await beacon).status()).toBe(204);
    await expect(page.getByText('Added to your cart.')).toBeVisible();
    await page.context().close();
  });

  test('the same shop on an origin the key does not allow: the dialog is not framed, the visitor sees why', async ({
    browser,
  }) => {
    const shop = demoShop();
    const page = await visitor(browser, `${shop.notAllowed}/products/tee.html`);
    const framed = page.waitForResponse((r) => r.url().startsWith(`${appOrigin()}/embed/tryon`));
    await page.getByRole('button', { name: 'Try it on' }).click();
    const res = await framed;
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp).toContain('frame-ancestors');
    expect(csp).not.toContain('127.0.0.1');
    const w = widget(page);
    // The browser refuses to show the app inside this page (frame-ancestors), so the dialog
    // page never says ready and the widget says the try-on is unavailable.
    await expect(w.status).toContainText('Try-on is unavailable right now', { timeout: 20_000 });
    // Chromium shows its own error document in the frame instead of the dialog.
    expect(page.frames().some((f) => f.url().startsWith(`${appOrigin()}/embed/tryon`))).toBe(false);
    await expect(w.close).toBeFocused();
    await page.keyboard.press('Escape');
    await expectClosed(page);

    // Its add-to-cart beacons are refused as well.
    const beacon = page.waitForResponse(`${appOrigin()}/api/widget/events`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    expect((await beacon).status()).toBe(403);
    await page.context().close();
  });

  test('a tr_live_ secret key is refused from a browser origin; a publishable key on /api/v1 too', async ({
    browser,
    page: owner,
  }) => {
    const request = owner.request;
    const shop = demoShop();
    const created = await request.post('/api/v1/api-keys', { data: { name: 'Widget e2e secret' } });
    expect(created.status()).toBe(201);
    const { key } = (await created.json()) as { key: string };
    expect(key).toMatch(/^tr_live_/);

    // From the shop's page, the browser will not even send it (no CORS for /api/v1).
    const page = await visitor(browser, `${shop.allowed}/products/tee.html`);
    const fromPage = await page.evaluate(
      async ([url, secret]) => {
        try {
          const r = await fetch(url, { headers: { 'x-api-key': secret } });
          return `status ${r.status}`;
        } catch {
          return 'blocked';
        }
      },
      [`${appOrigin()}/api/v1/credits`, key] as const,
    );
    expect(fromPage).toBe('blocked');
    const pk = await page.locator('script[data-key]').getAttribute('data-key');
    await page.context().close();

    // And the server refuses it whenever a browser origin comes with it.
    const withOrigin = await request.get('/api/v1/credits', {
      headers: { 'x-api-key': key, origin: shop.allowed },
    });
    expect(withOrigin.status()).toBe(403);
    expect(await withOrigin.json()).toMatchObject({ error: { code: 'secret_key_in_browser' } });
    const serverSide = await request.get('/api/v1/credits', { headers: { 'x-api-key': key } });
    expect(serverSide.status()).toBe(200);

    const publishable = await request.get('/api/v1/credits', {
      headers: { 'x-api-key': pk ?? '' },
    });
    expect(publishable.status()).toBe(403);
    expect(await publishable.json()).toMatchObject({
      error: { code: 'publishable_key_not_allowed' },
    });
  });

  test('keyboard only: a dress (one-piece, 2 credits) from the shop page to the result and back', async ({
    browser,
    page: owner,
  }) => {
    const request = owner.request;
    const before = await demoOrg(request);
    const page = await visitor(browser, `${demoShop().allowed}/products/dress.html`);
    const tryButton = page.getByRole('button', { name: 'Try it on' });
    for (let i = 0; i < 20 && !(await tryButton.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(tryButton).toBeFocused();
    await page.keyboard.press('Enter');

    const frame = widget(page).frame;
    const heading = frame.getByRole('heading', { name: 'Try on Sunday Midi Dress' });
    await expect(heading).toBeFocused();
    const tabTo = async (target: ReturnType<FrameLocator['locator']>) => {
      for (
        let i = 0;
        i < 15 && !(await target.evaluate((el) => el === document.activeElement));
        i++
      )
        await page.keyboard.press('Tab');
      await expect(target).toBeFocused();
    };
    await tabTo(frame.getByRole('button', { name: 'Agree and continue' }));
    await page.keyboard.press('Enter');
    await expect(frame.getByRole('heading', { name: 'Add a photo of yourself' })).toBeFocused();
    await tabTo(frame.locator('#widget-photo-upload'));
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(PHOTO);
    await expect(frame.getByRole('img', { name: 'Your photo' })).toBeVisible();
    await tabTo(frame.getByRole('button', { name: 'Try it on' }));
    await page.keyboard.press('Enter');
    await expect(frame.getByRole('img', { name: 'You wearing Sunday Midi Dress' })).toBeVisible({
      timeout: 45_000,
    });
    await expect(frame.getByRole('heading', { name: 'Your try-on' })).toBeFocused();
    await tabTo(frame.getByRole('button', { name: 'Done' }));
    await page.keyboard.down('Enter');
    await expectClosed(page);
    await page.keyboard.up('Enter');
    await expect(tryButton).toBeFocused();
    await expect.poll(async () => (await demoOrg(request)).balance).toBe(before.balance - 2);
    await page.context().close();
  });

  test('on a phone: the dialog fills the screen and the flow fits in 390 px', async ({
    browser,
  }) => {
    const page = await visitor(browser, `${demoShop().allowed}/products/sweater.html`, {
      width: 390,
      height: 844,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.getByRole('button', { name: 'Try it on' }).click();
    const w = widget(page);
    expect(await w.iframe.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await expect(
      w.frame.getByRole('heading', { name: 'Try on Breton Striped Sweater' }),
    ).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/widget-storefront-consent-390.png' });
    await tryOnInWidget(w.frame, 'Breton Striped Sweater');
    const dialogFrame = page.frames().find((f) => f.url().includes('/embed/tryon'));
    expect(
      await dialogFrame?.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    for (const name of ['Download', 'Done']) {
      const box = await w.frame
        .getByRole(name === 'Download' ? 'link' : 'button', { name })
        .boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: 'e2e/screenshots/widget-storefront-result-390.png' });
    await page.context().close();
  });

  test("the visitor quota: past the shop's try-ons per visitor per day, the widget says so", async ({
    browser,
    page: owner,
  }) => {
    const request = owner.request;
    const org = await demoOrg(request);
    // Two a day for this run (default 5), put back afterwards.
    const set = (n: number) =>
      request.patch(`/api/orgs/${org.id}`, {
        data: { settings: { visitor_daily_tryons: n } },
      });
    expect((await set(2)).status()).toBe(200);
    try {
      const page = await visitor(browser, `${demoShop().allowed}/products/tee.html`);
      await page.getByRole('button', { name: 'Try it on' }).click();
      const frame = widget(page).frame;
      await tryOnInWidget(frame, 'Everyday Cotton Tee — Blue');
      // The second: another colour of the same family.
      await frame.getByRole('button', { name: 'Everyday Cotton Tee — Coral' }).click();
      await expect(
        frame.getByRole('img', { name: 'You wearing Everyday Cotton Tee — Coral' }),
      ).toBeVisible({ timeout: 45_000 });
      const afterTwo = (await demoOrg(request)).balance;
      // The third is refused inside the widget, and costs nothing.
      await frame.getByRole('button', { name: 'Everyday Cotton Tee — Blue' }).click();
      await expect(
        frame.getByText('You have used all of today’s try-ons for this shop'),
      ).toBeVisible();
      await page.screenshot({ path: 'e2e/screenshots/widget-storefront-quota-1366.png' });
      expect((await demoOrg(request)).balance).toBe(afterTwo);
      await page.context().close();
    } finally {
      expect((await set(5)).status()).toBe(200);
    }
  });
});
