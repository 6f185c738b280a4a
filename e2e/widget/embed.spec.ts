import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { appOrigin, expectClosed, focusPath, startShop, widget } from './support';

/**
 * public/embed.js on its own, on a shop page of another origin: the shadow-DOM dialog, focus,
 * Escape, the postMessage protocol, hostile page CSS, phones and the event beacon. The shop
 * is a throw-away local server (another origin than the app); the dialog page is served by
 * Playwright (page.route) here: a stand-in that speaks the protocol (the real dialog is driven end to end in
 * storefront.spec.ts), so these checks hold whatever the dialog shows.
 */
const KEY = `pk_live_${'E2eEmbedShellKey0123456789abcdef'}`;
const SKU = 'TEE-E2E';

function shopPage(app: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title>${extraHead}
<script src="${app}/embed.js" data-key="${KEY}" async></script></head>
<body><main><h1>Product</h1>
<button id="try" type="button" data-trailroom-sku="${SKU}">Try it on</button>
<button id="other" type="button">Something else</button>
<p id="completed"></p>
<script>document.addEventListener('trailroom:completed', (e) => {
  document.getElementById('completed').textContent = JSON.stringify(e.detail);
});</script>
</main></body></html>`;
}

/** The dialog stand-in: says ready, closes on Escape, reports a completion on demand. */
const FRAME = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Try-on</title></head>
<body><h1>Try it on</h1><button id="first">First</button><button id="last">Last</button>
<button id="done">Done</button>
<script>
const to = (m) => parent.postMessage(m, '*');
document.getElementById('first').focus();
addEventListener('keydown', (e) => { if (e.key === 'Escape') to({ type: 'trailroom:close' }); });
document.getElementById('done').addEventListener('click', () =>
  to({ type: 'trailroom:completed', job_id: 'job_1', sku: new URLSearchParams(location.search).get('sku') }));
to({ type: 'trailroom:ready' });
</script></body></html>`;

const HOSTILE = `<style>
  body > :not(main) { display: none !important; }
  * { box-sizing: content-box !important; margin: 37px !important; padding: 11px !important;
      visibility: hidden !important; transform: rotate(3deg) !important; z-index: 0 !important;
      position: static !important; pointer-events: none !important; }
  html, body { visibility: visible !important; transform: none !important; }
  main, main * { visibility: visible !important; pointer-events: auto !important; }
  iframe { display: none !important; width: 0 !important; height: 0 !important; }
  div, span { display: none !important; }
  button { font-size: 40px !important; color: transparent !important; border: 9px solid red !important; }
  [role='dialog'], dialog, trailroom-dialog { display: none !important; opacity: 0 !important; }
</style>`;

let shop: Awaited<ReturnType<typeof startShop>>;

test.beforeAll(async () => {
  const app = appOrigin();
  shop = await startShop({ '/': shopPage(app), '/hostile': shopPage(app, HOSTILE) });
});
test.afterAll(() => shop.stop());

async function openShop(
  page: Page,
  path: '/' | '/hostile' = '/',
  opts: { frameReady?: boolean } = {},
) {
  await page.route(`${appOrigin()}/embed/tryon**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: opts.frameReady === false ? '<!doctype html><title>Slow</title><p>…</p>' : FRAME,
    }),
  );
  await page.goto(`${shop.origin}${path}`);
  await page.waitForFunction(() => 'TrailRoom' in window, null, { timeout: 10_000 });
}

test.describe('embed.js', () => {
  test('opens the dialog from a data-trailroom-sku button: focus moves in, Tab stays in, Escape returns focus', async ({
    page,
  }) => {
    await openShop(page);
    const w = widget(page);
    await page.locator('#try').focus();
    await page.keyboard.press('Enter');
    await expect(w.dialog).toBeVisible();
    // The stand-in said ready: the loading cover is gone, the dialog page's own controls take
    // over (the outer close button steps aside) and focus is inside the frame.
    await expect(w.status).toBeHidden();
    await expect(w.close).toBeHidden();
    await expect.poll(() => focusPath(page)).toBe('host > IFRAME');
    await expect(w.frame.locator('#first')).toBeFocused();

    // Tab and Shift+Tab through the frame and past its ends: focus never reaches the page.
    for (const key of [
      'Tab',
      'Tab',
      'Tab',
      'Tab',
      'Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
    ]) {
      await page.keyboard.press(key);
      expect(await focusPath(page)).toBe('host > IFRAME');
    }

    // Escape inside the frame: the dialog page asks to close (trailroom:close); focus goes back.
    await w.frame.locator('#first').focus();
    // down/up apart: the frame is gone before the key comes back up.
    await page.keyboard.down('Escape');
    await expectClosed(page);
    await page.keyboard.up('Escape');
    await expect(page.locator('#try')).toBeFocused();
  });

  test('a dialog page that never answers: a 44 px close button, then "unavailable"; Escape returns focus', async ({
    page,
  }) => {
    await openShop(page, '/', { frameReady: false });
    const w = widget(page);
    await page.locator('#try').focus();
    await page.keyboard.press('Enter');
    await expect(w.status).toContainText('Loading the try-on');
    await expect(w.close).toBeVisible();
    const close = await w.close.boundingBox();
    expect(close?.width).toBeGreaterThanOrEqual(44);
    expect(close?.height).toBeGreaterThanOrEqual(44);
    await expect(w.status).toContainText('Try-on is unavailable right now', { timeout: 20_000 });
    await expect(w.close).toBeFocused();
    // Tab stays between the close button and the frame.
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focusPath(page)).toMatch(/^host > (BUTTON|IFRAME)$/);
    }
    await w.close.focus();
    await page.keyboard.press('Escape');
    await expectClosed(page);
    await expect(page.locator('#try')).toBeFocused();
  });

  test('frames <app>/embed/tryon with key, sku and a per-tab visitor id; ignores messages from anyone else', async ({
    page,
  }) => {
    await openShop(page);
    const w = widget(page);
    await page.locator('#try').click();
    const src = new URL((await w.iframe.getAttribute('src')) ?? '');
    expect(src.origin + src.pathname).toBe(`${appOrigin()}/embed/tryon`);
    expect(src.searchParams.get('key')).toBe(KEY);
    expect(src.searchParams.get('sku')).toBe(SKU);
    const vid = src.searchParams.get('vid') ?? '';
    expect(vid).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await page.evaluate(() => sessionStorage.getItem('trailroom_vid'))).toBe(vid);
    await expect(w.iframe).toHaveAttribute('title', 'Virtual try-on');
    await expect(w.iframe).toHaveAttribute('referrerpolicy', 'origin');

    // The shop page itself (or any other window) cannot close it or fake a completion.
    await page.evaluate(() => {
      window.postMessage({ type: 'trailroom:close' }, '*');
      window.postMessage({ type: 'trailroom:completed', job_id: 'x', sku: 'y' }, '*');
    });
    await page.waitForTimeout(300);
    await expect(w.dialog).toBeVisible();
    await expect(page.locator('#completed')).toHaveText('');

    // The frame's completion reaches the page as a DOM event.
    await w.frame.locator('#done').click();
    await expect(page.locator('#completed')).toHaveText(
      JSON.stringify({ jobId: 'job_1', sku: SKU }),
    );

    // The backdrop closes; TrailRoom.open() opens again with the same visitor id.
    await page.mouse.click(5, 5);
    await expectClosed(page);
    await page.evaluate(() =>
      (window as unknown as { TrailRoom: { open(o: { sku: string }): void } }).TrailRoom.open({
        sku: 'DRESS-E2E',
      }),
    );
    const again = new URL((await w.iframe.getAttribute('src')) ?? '');
    expect(again.searchParams.get('sku')).toBe('DRESS-E2E');
    expect(again.searchParams.get('vid')).toBe(vid);
    await page.evaluate(() =>
      (window as unknown as { TrailRoom: { close(): void } }).TrailRoom.close(),
    );
    await expectClosed(page);
  });

  test('hostile page CSS does not hide, move or restyle the dialog', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openShop(page);
    await page.locator('#try').click();
    const w = widget(page);
    await expect(w.frame.locator('#first')).toBeFocused();
    const plain = {
      host: await w.host.boundingBox(),
      iframe: await w.iframe.boundingBox(),
    };
    await page.screenshot({ path: 'e2e/screenshots/widget-embed-1366.png' });

    await openShop(page, '/hostile');
    await page.locator('#try').click();
    await expect(w.dialog).toBeVisible();
    await expect(w.iframe).toBeVisible();
    await expect(w.frame.locator('#first')).toBeFocused();
    expect(await w.host.boundingBox()).toEqual(plain.host);
    expect(await w.iframe.boundingBox()).toEqual(plain.iframe);
    expect(plain.host).toEqual({ x: 0, y: 0, width: 1366, height: 900 });
    expect(plain.iframe?.width).toBeGreaterThanOrEqual(400);
    // What sits on top in the middle of the panel is the frame, not the page.
    const hit = await page.evaluate(() => {
      const el = document.elementFromPoint(683, 450);
      return el?.tagName === 'TRAILROOM-DIALOG'
        ? (el.shadowRoot?.elementFromPoint(683, 450)?.tagName ?? '')
        : el?.tagName;
    });
    expect(hit).toBe('IFRAME');
    await page.screenshot({ path: 'e2e/screenshots/widget-embed-hostile-1366.png' });
    await page.mouse.click(5, 5);
    await expectClosed(page);
    await expect(page.locator('#try')).toBeFocused();
  });

  test('/embed.js is a small script that shops may cache for minutes', async ({ request }) => {
    const res = await request.get(`${appOrigin()}/embed.js`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('javascript');
    expect(res.headers()['cache-control']).toContain('max-age=300');
    expect((await res.body()).length).toBeLessThan(20_000);
  });

  test('fills a phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openShop(page);
    await page.locator('#try').click();
    const w = widget(page);
    await expect(w.frame.locator('#first')).toBeFocused();
    expect(await w.iframe.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({ path: 'e2e/screenshots/widget-embed-390.png' });
  });

  test('is accessible while open (axe, WCAG 2.1 A/AA)', async ({ page }) => {
    await openShop(page);
    await page.locator('#try').click();
    await expect(widget(page).frame.locator('#first')).toBeFocused();
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('trailroom-dialog')
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('TrailRoom.track sends a preflight-free text/plain beacon with key, type, sku and visitor id', async ({
    page,
  }) => {
    await openShop(page);
    const app = appOrigin();
    const preflights: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'OPTIONS') preflights.push(r.url());
    });
    const request = page.waitForRequest(`${app}/api/widget/events`);
    const accepted = await page.evaluate(() =>
      (
        window as unknown as {
          TrailRoom: { track(t: string, d: { sku: string }): Promise<boolean> };
        }
      ).TrailRoom.track('add_to_cart', { sku: 'TEE-E2E' }),
    );
    const sent = await request;
    expect(sent.method()).toBe('POST');
    expect(sent.headers()['content-type']).toMatch(/^text\/plain/);
    const vid = await page.evaluate(() => sessionStorage.getItem('trailroom_vid'));
    expect(JSON.parse(sent.postData() ?? '')).toEqual({
      key: KEY,
      type: 'add_to_cart',
      sku: 'TEE-E2E',
      vid,
    });
    // Queued by the browser; this key does not exist, so the app refuses it (403).
    expect(accepted).toBe(true);
    expect((await sent.response())?.status()).toBe(403);
    expect(preflights).toEqual([]);
  });
});
