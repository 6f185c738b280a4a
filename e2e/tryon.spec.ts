import { test, expect, type Browser, type Page } from '@playwright/test';
import { AUTH_STATE, signIn, uniqueEmail } from './support/accounts';
import { addPhoto, garmentPng, magentaPng, personPng } from './support/studio';

/**
 * The studio end to end with the local provider: upload, progress, result,
 * balance; full outfit; an injected provider failure refunded; history.
 * Each flow signs in a fresh person with Google, so every test starts with
 * exactly the 3 free daily credits whatever ran before on this server.
 */

async function openStudio(browser: Browser, tag: string): Promise<Page> {
  const { page } = await signIn(browser, uniqueEmail(tag), '/studio');
  await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();
  return page;
}

/** Records every stage the progress panel shows until it settles. */
async function watchStages(page: Page, until: 'completed' | 'failed'): Promise<string[]> {
  const progress = page.getByTestId('job-progress');
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        const stage = (await progress.getAttribute('data-stage').catch(() => null)) ?? 'none';
        if (seen[seen.length - 1] !== stage) seen.push(stage);
        return stage;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBe(until);
  return seen;
}

test.describe('try-on studio', () => {
  test('top only: upload two photos, watch progress, see the result, 1 credit spent', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await openStudio(browser, 'tryon-top');
    await expect(page.getByTestId('balance')).toContainText('3 credits');
    await expect(page.getByTestId('submit-reason')).toContainText('Add a photo of yourself');
    await expect(page.getByText('Preview — local compositor')).toBeVisible();

    await addPhoto(page, 'Your photo', 'me.png', await personPng());
    await expect(page.getByTestId('submit-reason')).toContainText('Add the top garment');
    await addPhoto(page, 'Top garment', 'shirt.png', await garmentPng('#1f6feb'));

    const submit = page.getByRole('button', { name: 'Try it on · 1 credit' });
    await expect(submit).toBeEnabled();
    await submit.click();
    const stages = await watchStages(page, 'completed');
    expect(stages[stages.length - 1]).toBe('completed');
    expect(stages.some((s) => ['uploading', 'queued', 'processing'].includes(s))).toBe(true);

    const result = page.getByTestId('result-image');
    await expect(result).toBeVisible();
    await expect
      .poll(() => result.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await expect(page.getByTestId('balance')).toContainText('2 credits');

    // The compare slider is a keyboard-operable range input.
    const slider = page.getByLabel('Compare before and after');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveValue('48');
    await page.keyboard.press('End');
    await expect(slider).toHaveValue('100');
    await page.keyboard.press('Home');
    await expect(slider).toHaveValue('0');

    const download = page.getByRole('link', { name: 'Download' });
    await expect(download).toHaveAttribute(
      'href',
      /\/api\/v1\/tryon\/[0-9a-f]{24}\/image\?download=1$/,
    );
    const image = await page.request.get((await download.getAttribute('href'))!);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/webp');

    await page.getByRole('slider', { name: 'Compare before and after' }).fill('55');
    await page.screenshot({ path: 'e2e/screenshots/studio-result-desktop.png', fullPage: true });

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('button', { name: 'Try it on · 1 credit' })).toBeEnabled();
    await page.context().close();
  });

  test('full outfit costs 2 credits', async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await openStudio(browser, 'tryon-full');
    await page.getByRole('radio', { name: /Full outfit/ }).click();
    await addPhoto(page, 'Your photo', 'me.png', await personPng());
    await addPhoto(page, 'Top garment', 'shirt.png', await garmentPng('#b4232a'));
    await expect(page.getByTestId('submit-reason')).toContainText('Add the bottom garment');
    await addPhoto(page, 'Bottom garment', 'trousers.png', await garmentPng('#2d333b', false));
    await page.getByRole('button', { name: 'Try it on · 2 credits' }).click();
    await watchStages(page, 'completed');
    await expect(page.getByTestId('result-image')).toBeVisible();
    await expect(page.getByTestId('balance')).toContainText('1 credit');

    // 1 credit left: no "Try again" that cannot run; the banner says why, when the free
    // credits return and offers the cheapest pack, before any upload.
    await expect(page.getByRole('button', { name: 'Buy credits to try again' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again', exact: true })).toHaveCount(0);
    await expect(page.getByTestId('credits-banner')).toContainText(
      'Not enough credits for a full outfit',
    );
    await expect(page.getByTestId('submit-reason')).toContainText(
      'You need 2 credits; you have 1.',
    );
    await expect(page.getByRole('button', { name: 'Try it on · 2 credits' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Buy 300 credits/ })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/studio-short-desktop.png', fullPage: true });
    await page.context().close();
  });

  test('an injected provider failure ends failed and the credit comes back', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await openStudio(browser, 'tryon-fail');
    await addPhoto(page, 'Your photo', 'me.png', await personPng());
    await addPhoto(page, 'Top garment', 'magenta.png', await magentaPng());
    await page.getByRole('button', { name: 'Try it on · 1 credit' }).click();
    await watchStages(page, 'failed');
    const failure = page.getByTestId('failure');
    await expect(failure).toContainText('could not be generated');
    await expect(failure).toContainText('was refunded');
    await expect(page.getByTestId('balance')).toContainText('3 credits', { timeout: 15_000 });

    const list = await page.request.get('/api/v1/tryon?status=failed');
    const body = (await list.json()) as {
      data: Array<{ status: string; error?: { code: string } }>;
    };
    expect(body.data).toHaveLength(1);
    // The public failure class; the provider's own code stays with admins (error_detail).
    expect(body.data[0]?.error?.code).toBe('generation_failed');
    await page.screenshot({ path: 'e2e/screenshots/studio-failed-desktop.png', fullPage: true });
    await page.context().close();
  });

  test('history: filters, favourite, delete with confirmation, empty state (and mobile layout)', async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const page = await openStudio(browser, 'tryon-history');
    // Two try-ons through the API with the session: one completes, one fails.
    for (const top of [await garmentPng('#0f766e'), await magentaPng()]) {
      const res = await page.request.post('/api/v1/tryon', {
        multipart: {
          mode: 'top',
          user_image: { name: 'me.png', mimeType: 'image/png', buffer: await personPng() },
          top_image: { name: 'top.png', mimeType: 'image/png', buffer: top },
        },
      });
      expect(res.status()).toBe(202);
      expect(((await res.json()) as { source: string }).source).toBe('web');
    }
    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get('/api/v1/tryon?status=queued')).json()) as {
              total: number;
            }
          ).total,
        { timeout: 30_000 },
      )
      .toBe(0);
    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get('/api/v1/tryon?status=processing')).json()) as {
              total: number;
            }
          ).total,
        { timeout: 30_000 },
      )
      .toBe(0);

    await page.goto('/history');
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    const items = page.getByTestId('history-item');
    await expect(items).toHaveCount(2);
    await expect(items.filter({ hasText: 'Completed' })).toHaveCount(1);
    await expect(items.filter({ hasText: 'Failed' })).toHaveCount(1);
    const thumb = items.getByRole('img');
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/history-desktop.png', fullPage: true });

    await page.getByLabel('Status').selectOption('failed');
    await expect(page).toHaveURL(/status=failed/);
    await expect(items).toHaveCount(1);
    await page.getByLabel('Status').selectOption('');
    await expect(items).toHaveCount(2);

    const completed = items.filter({ has: page.getByRole('link', { name: 'Download' }) });
    await completed.getByRole('button', { name: 'Add to favourites' }).click();
    await expect(completed.getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.getByLabel('Favourites only').check();
    await expect(items).toHaveCount(1);
    await page.getByLabel('Favourites only').uncheck();
    await expect(items).toHaveCount(2);

    // Mobile layout of the same pages.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'e2e/screenshots/history-mobile.png', fullPage: true });
    await page.goto('/studio');
    await page.screenshot({ path: 'e2e/screenshots/studio-mobile.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/history');

    for (let i = 0; i < 2; i += 1) {
      const dialog = page.getByRole('alertdialog');
      // A click that lands before the page has hydrated opens nothing: click again.
      await expect(async () => {
        await items.first().getByRole('button', { name: 'Delete' }).click();
        await expect(dialog).toContainText('Delete this try-on?', { timeout: 2000 });
      }).toPass({ timeout: 30_000 });
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await expect(items).toHaveCount(1 - i);
    }
    await expect(page.getByTestId('history-empty')).toContainText('No try-ons yet.');
    await page.screenshot({ path: 'e2e/screenshots/history-empty-desktop.png', fullPage: true });
    await page.context().close();
  });

  test('the seeded demo shopper (saved session) sees the studio with the costs and balance', async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: AUTH_STATE.demo });
    const page = await context.newPage();
    await page.goto('/studio');
    await expect(page.getByRole('radio', { name: /Top only.*1 credit/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: /Full outfit.*2 credits/ })).toBeVisible();
    await expect(page.getByTestId('balance')).toContainText(/\d+ credits?/);
    await expect(page.getByRole('button', { name: /Try it on/ })).toBeDisabled();
    await context.close();
  });
});

test('mobile studio with a result (390 px)', async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, context } = await signIn(browser, uniqueEmail('tryon-mobile'), '/studio');
  await page.setViewportSize({ width: 390, height: 844 });
  await addPhoto(page, 'Your photo', 'me.png', await personPng());
  await addPhoto(page, 'Top garment', 'shirt.png', await garmentPng('#7c3aed'));
  await page.getByRole('button', { name: 'Try it on · 1 credit' }).click();
  await watchStages(page, 'completed');
  await expect(page.getByTestId('result-image')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/studio-result-mobile.png', fullPage: true });
  await context.close();
});
