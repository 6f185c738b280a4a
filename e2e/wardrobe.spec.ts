import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { signIn, uniqueEmail } from './support/accounts';
import { garmentPng, personPng } from './support/studio';

/**
 * The wardrobe: a history card (result + garment thumbnail, readable date)
 * opens the try-on's page — before/after, garments, facts, JPEG/WebP
 * download, links back into the studio, delete — at desktop and phone sizes.
 * Another person's try-on id is the 404 page.
 */

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** A completed top-only try-on made through the API with the page's session. */
async function completedTryon(page: Page): Promise<{ id: string; topImageId: string }> {
  const res = await page.request.post('/api/v1/tryon', {
    multipart: {
      mode: 'top',
      user_image: { name: 'me.png', mimeType: 'image/png', buffer: await personPng() },
      top_image: {
        name: 'shirt.png',
        mimeType: 'image/png',
        buffer: await garmentPng('#b45309'),
      },
    },
  });
  expect(res.status()).toBe(202);
  const job = (await res.json()) as { id: string; inputs: { top_image_id: string } };
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/v1/tryon/${job.id}`)).json()) as { status: string })
          .status,
      { timeout: 60_000 },
    )
    .toBe('completed');
  return { id: job.id, topImageId: job.inputs.top_image_id };
}

const loaded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;

test('history card → try-on page: compare, garments, facts, downloads, studio links, delete', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { page, context } = await signIn(browser, uniqueEmail('wardrobe'), '/history');
  await page.setViewportSize({ width: 1366, height: 900 });
  const job = await completedTryon(page);

  // The card: result and garment thumbnails (resized), the date, and a link to the page.
  await page.goto('/history');
  const card = page.getByTestId('history-item');
  await expect(card).toHaveCount(1);
  const result = card.getByRole('img', { name: /Result of the Top only try-on/ });
  await expect(result).toHaveAttribute('src', `/api/v1/tryon/${job.id}/image?w=320`);
  await expect.poll(() => result.evaluate(loaded)).toBe(true);
  const garment = card.getByTestId('garment-thumb');
  await expect(garment).toHaveAttribute('src', `/api/assets/${job.topImageId}?w=160`);
  await expect.poll(() => garment.evaluate(loaded)).toBe(true);
  expect(await garment.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeLessThanOrEqual(
    160,
  );
  await page.screenshot({ path: 'e2e/screenshots/wardrobe-history-desktop.png', fullPage: true });

  await card.getByRole('link', { name: /^Open Top only try-on/ }).click();
  await page.waitForURL(`**/history/${job.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Top-only try-on' })).toBeVisible();

  // Before/after, the garment, the facts.
  await expect.poll(() => page.getByTestId('result-image').evaluate(loaded)).toBe(true);
  await expect(page.getByRole('slider', { name: /Compare before and after/ })).toBeVisible();
  const garments = page.getByTestId('garments');
  await expect.poll(() => garments.getByRole('img').evaluate(loaded)).toBe(true);
  const facts = page.getByTestId('job-facts');
  await expect(facts).toContainText('Completed');
  await expect(facts).toContainText('Top only');
  await expect(facts).toContainText('1 credit');
  await expect(facts).toContainText(/Generated in\s*\d/);
  await expect(facts).toContainText('Preview — local compositor');

  // Downloads: the JPEG is converted by the server, the WebP is the stored image.
  const jpeg = page.getByRole('link', { name: 'JPEG' });
  const [download] = await Promise.all([page.waitForEvent('download'), jpeg.click()]);
  expect(download.suggestedFilename()).toBe(`trailroom-${job.id}.jpg`);
  const jpegRes = await page.request.get((await jpeg.getAttribute('href')) ?? '');
  expect(jpegRes.headers()['content-type']).toBe('image/jpeg');
  const webpRes = await page.request.get(
    (await page.getByRole('link', { name: 'WebP' }).getAttribute('href')) ?? '',
  );
  expect(webpRes.headers()['content-type']).toBe('image/webp');

  // Into the studio, prefilled.
  await expect(
    page.getByRole('link', { name: 'Try this garment on another photo' }),
  ).toHaveAttribute('href', `/studio?garment=${job.topImageId}`);
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute(
    'href',
    `/studio?from=${job.id}`,
  );

  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/wardrobe-detail-desktop.png', fullPage: true });

  // Phone: no sideways scroll, readable date on the card, screenshots.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect.poll(() => page.getByTestId('result-image').evaluate(loaded)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await page.screenshot({ path: 'e2e/screenshots/wardrobe-detail-mobile.png', fullPage: true });
  await page.goto('/history');
  const date = page.getByTestId('history-item').locator('time');
  await expect(date).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2}\s?[AP]M$/);
  // Not cut off: the whole text fits its box.
  expect(await date.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await page.screenshot({ path: 'e2e/screenshots/wardrobe-history-mobile.png', fullPage: true });

  // Someone else's try-on is a 404 page.
  const stranger = await signIn(browser, uniqueEmail('wardrobe-stranger'), '/studio');
  const response = await stranger.page.goto(`/history/${job.id}`);
  expect(response?.status()).toBe(404);
  await expect(
    stranger.page.getByRole('heading', { level: 1, name: 'Try-on not found' }),
  ).toBeVisible();
  await expect(stranger.page.getByRole('img')).toHaveCount(0);
  await stranger.context.close();

  // Delete, confirmed, from the page: back to an empty history.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/history/${job.id}`);
  const dialog = page.getByRole('alertdialog');
  await expect(async () => {
    await page.getByRole('button', { name: 'Delete this try-on' }).click();
    await expect(dialog).toContainText('Delete this try-on?', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL('**/history?deleted=1');
  await expect(page.getByRole('status').filter({ hasText: 'Try-on deleted' })).toBeVisible();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  expect((await page.request.get(`/api/v1/tryon/${job.id}`)).status()).toBe(404);
  await context.close();
});
