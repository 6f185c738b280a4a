import { test, expect, type Page } from '@playwright/test';
import { addPhoto, garmentPng, openStudioAs, overflowX, personPng } from './support/studio';

/**
 * Issue 14 in the studio, local provider: a one-piece garment (a dress, 2 credits), and
 * three results of one request side by side, costing three times the mode, each kept as a
 * favourite and downloaded on its own; the grid fits a 390 px phone. Each test signs a fresh
 * shopper in, so the balance starts at exactly the 3 free daily credits.
 */

async function waitForCompleted(page: Page) {
  await expect(page.getByTestId('job-progress')).toHaveAttribute('data-stage', 'completed', {
    timeout: 90_000,
  });
}

test.describe('try-on modes and several results', () => {
  test('one-piece: a dress over the whole figure, 2 credits, read back as a one-piece try-on', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(150_000);
    const { context, page } = await openStudioAs(browser, 'modes-dress');
    await expect(page.getByTestId('balance')).toContainText('3 credits');

    const onePiece = page.getByRole('radio', { name: /One-piece/ });
    await onePiece.check();
    await expect(onePiece).toBeChecked();
    // The garment slot asks for the dress; there is no bottom slot.
    await expect(page.getByLabel('Bottom garment', { exact: true })).toHaveCount(0);
    await addPhoto(page, 'Your photo', 'me.png', await personPng());
    await expect(page.getByTestId('submit-reason')).toContainText('Add the dress or jumpsuit');
    await addPhoto(page, 'Dress or jumpsuit', 'dress.png', await garmentPng('#b3245f'));

    await page.getByRole('button', { name: 'Try it on · 2 credits' }).click();
    await waitForCompleted(page);
    // With the photo still on the page the result is inside the compare slider.
    await expect(page.getByTestId('result')).toBeVisible();
    await expect(page.getByLabel('Compare before and after')).toBeVisible();
    await expect(page.getByTestId('balance')).toContainText('1 credit');
    await page.screenshot({ path: testInfo.outputPath('one-piece-1366.png') });

    await page.getByRole('link', { name: 'Compare in History' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'One-piece try-on' })).toBeVisible();
    await expect(page.getByText('Dress or jumpsuit')).toBeVisible();
    const id = page.url().split('/').pop()!;
    const job = (await (await page.request.get(`/api/v1/tryon/${id}`)).json()) as {
      mode: string;
      credits_used: number;
      prompt_version: number;
      outputs: unknown[];
    };
    expect(job).toMatchObject({ mode: 'one_piece', credits_used: 2, prompt_version: 1 });
    expect(job.outputs).toHaveLength(1);
    await context.close();
  });

  test('three results: side by side, 3 × the mode charged, a favourite and a download each; fits a phone', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const { context, page } = await openStudioAs(browser, 'modes-samples');
    await expect(page.getByTestId('balance')).toContainText('3 credits');
    await expect(page.getByRole('button', { name: /Try it on · 1 credit$/ })).toBeVisible();

    await page.getByRole('radio', { name: '3 results, 3 credits' }).check();
    await addPhoto(page, 'Your photo', 'me.png', await personPng());
    await addPhoto(page, 'Top garment', 'shirt.png', await garmentPng('#1f6feb'));
    await page.getByRole('button', { name: 'Try it on · 3 credits' }).click();
    await waitForCompleted(page);

    await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
    const outputs = page.getByTestId('result-output');
    await expect(outputs).toHaveCount(3);
    for (const img of await outputs.locator('img').all()) {
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
        .toBe(true);
    }
    // Three times a top's 1 credit: the 3 free credits are gone.
    await expect(page.getByTestId('balance')).toContainText('0 credits');
    await expect(page.getByText('3 credits used')).toBeVisible();

    // Results are side by side: the first two share a row.
    const [a, b] = await Promise.all([outputs.nth(0).boundingBox(), outputs.nth(1).boundingBox()]);
    expect(Math.abs((a?.y ?? 0) - (b?.y ?? 1))).toBeLessThan(2);

    // Keep the second result: pressed, and the job reads back with that result kept.
    const keep = page.getByRole('button', { name: 'Keep result 2 as a favourite' });
    await keep.click();
    await expect(keep).toHaveAttribute('aria-pressed', 'true');
    const downloads = page.getByRole('link', { name: /^Download result \d$/ });
    await expect(downloads).toHaveCount(3);
    const hrefs = await downloads.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    const images = await Promise.all(hrefs.map((h) => page.request.get(h!)));
    expect(images.map((r) => r.status())).toEqual([200, 200, 200]);
    const hashes = await Promise.all(images.map((r) => r.body().then((x) => x.toString('base64'))));
    expect(new Set(hashes).size).toBe(3); // three different pictures (three seeds)
    const id = hrefs[0]!.match(/tryon\/([0-9a-f]{24})\//)![1]!;
    const job = (await (await page.request.get(`/api/v1/tryon/${id}`)).json()) as {
      samples: number;
      credits_used: number;
      favorite: boolean;
      outputs: Array<{ sample: number; favorite: boolean; seed: number }>;
    };
    expect(job.samples).toBe(3);
    expect(job.credits_used).toBe(3);
    expect(job.favorite).toBe(true);
    expect(job.outputs.map((o) => o.favorite)).toEqual([false, true, false]);
    expect(job.outputs[1]!.seed).toBe(job.outputs[0]!.seed + 1);
    await page.screenshot({ path: testInfo.outputPath('three-results-1366.png'), fullPage: true });

    // The wardrobe page shows them side by side too, at phone width without sideways scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/history/${id}`);
    await expect(page.getByTestId('result-output')).toHaveCount(3);
    await expect(
      page.getByRole('button', { name: 'Keep result 2 as a favourite' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath('three-results-390.png'), fullPage: true });
    await page.goto('/studio');
    await expect(page.getByRole('radio', { name: /One-piece/ })).toBeVisible();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath('studio-modes-390.png'), fullPage: true });
    await context.close();
  });
});
