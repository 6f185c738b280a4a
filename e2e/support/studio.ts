import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInWithGoogle, uniqueEmail } from './accounts';
import sharp from 'sharp';

/** Fixtures generated here, not committed: a figure on a backdrop and garments. */
export async function personPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="960">
    <rect width="720" height="960" fill="#e8e2d8"/>
    <circle cx="360" cy="190" r="90" fill="#c8936b"/>
    <rect x="300" y="270" width="120" height="40" fill="#c8936b"/>
    <rect x="220" y="300" width="280" height="330" rx="60" fill="#9aa5b1"/>
    <rect x="250" y="600" width="100" height="330" rx="30" fill="#3d4451"/>
    <rect x="370" y="600" width="100" height="330" rx="30" fill="#3d4451"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function garmentPng(colour: string, stripes = true): Promise<Buffer> {
  const pattern = stripes
    ? Array.from(
        { length: 8 },
        (_, i) =>
          `<rect x="0" y="${i * 90 + 30}" width="720" height="30" fill="#ffffff" fill-opacity="0.35"/>`,
      ).join('')
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="720"><rect width="720" height="720" fill="${colour}"/>${pattern}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Solid #FF00FF: the local provider's documented trigger for a final failure. */
export async function magentaPng(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 600, channels: 3, background: '#ff00ff' } })
    .png()
    .toBuffer();
}

export async function addPhoto(page: Page, label: string, name: string, buffer: Buffer) {
  await page
    .getByLabel(label, { exact: true })
    .setInputFiles({ name, mimeType: 'image/png', buffer });
  await expect(page.getByAltText(`${label} preview`)).toBeVisible();
}

/** Signs a fresh shopper in at the studio, in a context of the given size (touch on phones). */
export async function openStudioAs(
  browser: Browser,
  tag: string,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  await signInWithGoogle(page, uniqueEmail(tag), '/studio');
  await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();
  return { context, page };
}

/** Waits until the studio shows a loaded result image. */
export async function waitForResult(page: Page) {
  const result = page.getByTestId('result-image');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(() => result.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
      timeout: 30_000,
    })
    .toBe(true);
}

/** Picks a shipped sample (or a saved photo) for one slot through its dialog. */
export async function pickSample(page: Page, slot: string, sample: string) {
  await page.getByRole('button', { name: new RegExp(`sample for ${slot}$`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: sample }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByAltText(`${slot} preview`)).toBeVisible();
}

/** The page scrolls sideways by this many px (0 when it fits). */
export function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Spends the shopper's credits with sample try-ons through the API (no upload). */
export async function spendWithSamples(page: Page, times: number) {
  for (let i = 0; i < times; i += 1) {
    const res = await page.request.post('/api/v1/tryon', {
      multipart: { mode: 'top', user_image: 'sample:person-kai', top_image: 'sample:top-blue-tee' },
    });
    expect(res.status(), await res.text()).toBe(202);
  }
}

/** Drags on an element with touch events (Chromium turns them into pointer events). */
export async function touchDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= 5; i += 1) {
    const p = { x: from.x + ((to.x - from.x) * i) / 5, y: from.y + ((to.y - from.y) * i) / 5 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
