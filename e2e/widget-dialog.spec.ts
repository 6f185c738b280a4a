import { createHmac } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { AUTH_STATE } from './support/accounts';

/**
 * The storefront widget's dialog (GET /embed/tryon) on the production build:
 * the whole try-on inside it (consent, upload, progress, result, download,
 * another colour of the family), keyboard only, a phone, the visitor quota,
 * a refusal, and the browser itself refusing to frame it on an origin the
 * key does not allow. The demo shop's key and catalog come from the e2e
 * server's seed (scripts/e2e-server.mjs, demo-store/catalog.json); embed.js
 * across two origins is e2e/widget/.
 */

const SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';

/** The demo shop's publishable key, as scripts/lib/demo-store.mjs derives it from the session secret. */
function demoKey(): string {
  const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const mac = createHmac('sha256', SECRET).update('trailroom demo-store publishable key').digest();
  let body = '';
  for (let i = 0; i < 32; i += 1) body += base62[mac[i]! % 62];
  return `pk_live_${body}`;
}

function origins() {
  const app = new URL(test.info().project.use.baseURL ?? 'http://localhost:3100');
  const shopPort = Number(app.port) + 3000;
  return {
    app: app.origin,
    allowed: `http://localhost:${shopPort}`,
    notAllowed: `http://127.0.0.1:${shopPort}`,
  };
}

const TEE = 'Everyday Cotton Tee — Blue';
const CORAL = 'Everyday Cotton Tee — Coral';

function dialogUrl(
  sku = 'DEMO-TEE-BLUE',
  vid = `e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`,
) {
  return `/embed/tryon?key=${demoKey()}&sku=${encodeURIComponent(sku)}&vid=${vid}`;
}

let photo: Buffer;
test.beforeAll(async () => {
  photo = await sharp({
    create: { width: 900, height: 1200, channels: 3, background: '#c8a27a' },
  })
    .jpeg()
    .toBuffer();
});

const file = () => ({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: photo });

/** The dialog as a shop's iframe loads it (Referer = the shop page), opened at the top level to drive it. */
async function openDialog(page: Page, sku?: string, vid?: string) {
  await page.goto(dialogUrl(sku, vid), { referer: `${origins().allowed}/products/tee.html` });
}

async function tryOnWithUpload(page: Page) {
  await page.getByLabel('Upload a photo').setInputFiles(file());
  await expect(page.getByRole('img', { name: 'Your photo' })).toBeVisible();
  await page.getByRole('button', { name: 'Try it on' }).click();
}

test.describe('widget dialog', () => {
  test('consent, upload, progress, result, download and another colour of the family', async ({
    page,
  }) => {
    await openDialog(page);
    await expect(page.getByRole('heading', { name: `Try on ${TEE}` })).toBeFocused();
    await expect(page.getByText('deleted within 24 hours').first()).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole('button', { name: 'Agree and continue' }).click();
    await expect(page.getByRole('heading', { name: 'Add a photo of yourself' })).toBeFocused();
    await tryOnWithUpload(page);
    await expect(page.getByTestId('job-progress')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your try-on', exact: true })).toBeVisible({
      timeout: 60_000,
    });
    const result = page.getByRole('img', { name: `You wearing ${TEE}` });
    await expect(result).toBeVisible();
    await expect
      .poll(() => result.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    const download = page.getByRole('link', { name: 'Download' });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/\/api\/widget\/tryon\/[0-9a-f]{24}\/image\?token=.+&download=1$/);
    const saved = await page.request.get(href!);
    expect(saved.status()).toBe(200);
    expect(saved.headers()['content-type']).toBe('image/jpeg');
    expect(saved.headers()['content-disposition']).toMatch(/^attachment/);

    await page
      .getByRole('navigation', { name: 'Try another size or colour' })
      .getByRole('button', { name: CORAL })
      .click();
    await expect(page.getByRole('img', { name: `You wearing ${CORAL}` })).toBeVisible({
      timeout: 60_000,
    });
  });

  test('can be completed with the keyboard alone', async ({ page }) => {
    await openDialog(page);
    await expect(page.getByRole('heading', { name: `Try on ${TEE}` })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Close try-on' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Agree and continue' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Add a photo of yourself' })).toBeFocused();
    await page.keyboard.press('Tab'); // Close
    await page.keyboard.press('Tab'); // Take a photo
    await expect(page.getByLabel('Take a photo')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Upload a photo')).toBeFocused();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(file());
    await expect(page.getByRole('img', { name: 'Your photo' })).toBeVisible();
    await page.getByRole('button', { name: 'Try it on' }).focus();
    // Reached by Tab from the upload control:
    await page.getByLabel('Choose another photo').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Try it on' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Your try-on', exact: true })).toBeFocused({
      timeout: 60_000,
    });
    const result = page.getByRole('img', { name: `You wearing ${TEE}` });
    await expect
      .poll(() => result.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Close try-on' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Download' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Try another photo' })).toBeFocused();
  });

  test('fits a phone (390 px) without sideways scrolling, with 44 px controls', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDialog(page);
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const name of ['Agree and continue', 'Not now', 'Close try-on']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box?.height ?? 0, name).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: test.info().outputPath('widget-consent-390.png') });
    await page.getByRole('button', { name: 'Agree and continue' }).click();
    await tryOnWithUpload(page);
    await expect(page.getByRole('heading', { name: 'Your try-on', exact: true })).toBeVisible({
      timeout: 60_000,
    });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: test.info().outputPath('widget-result-390.png'),
      fullPage: true,
    });
  });

  test('the visitor quota refuses the 6th try-on of the day with a message in the dialog', async ({
    page,
  }) => {
    const vid = `e2e_quota_${Date.now()}`;
    await openDialog(page, 'DEMO-TEE-BLUE', vid);
    await page.getByRole('button', { name: 'Agree and continue' }).click();
    for (let i = 1; i <= 5; i += 1) {
      await tryOnWithUpload(page);
      await expect(page.getByRole('heading', { name: 'Your try-on', exact: true })).toBeVisible({
        timeout: 60_000,
      });
      await page.getByRole('button', { name: 'Try another photo' }).click();
    }
    await tryOnWithUpload(page);
    await expect(page.getByRole('region', { name: 'Try-on' }).getByRole('alert')).toHaveText(
      'You have used all of today’s try-ons for this shop. Come back tomorrow.',
    );
    await expect(page.getByRole('heading', { name: 'No more try-ons today' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Try another photo' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('widget-quota.png') });
  });

  test('refuses an unknown key or an inactive product with one neutral message', async ({
    page,
  }) => {
    await page.goto(
      `/embed/tryon?key=pk_live_${'0'.repeat(32)}&sku=DEMO-TEE-BLUE&vid=e2e_unknown_key`,
      { referer: `${origins().allowed}/` },
    );
    await expect(
      page.getByRole('heading', { name: 'Try-on is unavailable right now' }),
    ).toBeVisible();
    await openDialog(page, 'NO-SUCH-SKU');
    await expect(
      page.getByRole('heading', { name: 'Try-on is unavailable right now' }),
    ).toBeVisible();
  });

  test('the browser frames it on the key’s allowed origin and refuses on any other', async ({
    page,
  }) => {
    // The demo shop's real pages (embed.js), served on an allowed and a not-allowed origin.
    const { allowed, notAllowed } = origins();
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('frame-ancestors')) refusals.push(m.text());
    });
    const frameHeading = page
      .frameLocator('trailroom-dialog iframe')
      .getByRole('heading', { name: `Try on ${TEE}` });

    const policy = page.waitForResponse((r) => r.url().includes('/embed/tryon'));
    await page.goto(`${allowed}/products/tee.html`);
    await page.getByRole('button', { name: 'Try it on' }).click();
    expect((await policy).headers()['content-security-policy']).toContain(
      `frame-ancestors ${allowed}`,
    );
    await expect(frameHeading).toBeVisible();
    expect(refusals).toEqual([]);

    await page.goto(`${notAllowed}/products/tee.html`);
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toContain(`frame-ancestors ${allowed}`);
    await expect(frameHeading).toHaveCount(0);
  });
});

test.describe('widget keys on the developers page', () => {
  test.use({ storageState: AUTH_STATE.demo });

  test('an organisation owner creates a widget key with its shop origins, sees and edits them', async ({
    page,
  }) => {
    const created = await page.request.post('/api/orgs', {
      data: { name: `Widget Shop ${Date.now()}` },
    });
    expect(created.status()).toBe(201);
    const { organization } = (await created.json()) as { organization: { id: string } };
    const context = await page.request.post('/api/account/context', {
      data: { org_id: organization.id },
    });
    expect(context.ok()).toBe(true);

    await page.goto('/developers');
    const section = page.getByRole('region', { name: 'Storefront widget keys' });
    await section.getByLabel('Allowed shop origins').fill('https://shop.example/products');
    await section.getByRole('button', { name: 'Create widget key' }).click();
    await expect(section.getByText(/is not an origin/)).toBeVisible();

    await section
      .getByLabel('Allowed shop origins')
      .fill('https://shop.example\nhttps://www.shop.example');
    await section.getByRole('button', { name: 'Create widget key' }).click();
    await expect(section.getByTestId('new-widget-key')).toHaveText(/^pk_live_[0-9A-Za-z]{32}$/);
    await expect(section.getByLabel('Embed code')).toContainText('data-key="pk_live_');
    const list = section.getByRole('list', { name: 'Widget keys' });
    await expect(list.getByText('https://www.shop.example')).toBeVisible();

    await list.getByRole('button', { name: 'Edit origins of Storefront' }).click();
    await list.getByLabel('Allowed origins of Storefront').fill('https://other.example');
    await list.getByRole('button', { name: 'Save origins' }).click();
    await expect(list.getByText('https://other.example')).toBeVisible();
    await expect(list.getByText('https://www.shop.example')).toHaveCount(0);
  });
});
