import { test, expect } from '@playwright/test';
import { devSignIn, uniqueEmail } from '../support/accounts';
import { addPhoto, garmentPng, personPng } from '../support/studio';

// Development server only: its local provider takes 1.5 s (LOCAL_PROVIDER_DELAY_MS,
// ignored in production), so a reload reliably lands while the try-on runs.
test('a reload while the try-on runs picks it back up and shows the result', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await devSignIn(browser, uniqueEmail('tryon-resume'), '/studio');
  await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();
  await addPhoto(page, 'Your photo', 'me.png', await personPng());
  await addPhoto(page, 'Top garment', 'shirt.png', await garmentPng('#2f855a'));
  await page.getByRole('button', { name: 'Try it on · 1 credit' }).click();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toHaveAttribute('data-stage', /queued|processing/);
  await page.reload();
  await expect(progress).toHaveAttribute('data-stage', /queued|processing|completed/);
  await expect(page.getByText('still running')).toHaveCount(0);
  await expect(progress).toHaveAttribute('data-stage', 'completed', { timeout: 60_000 });
  const result = page.getByTestId('result-image');
  await expect(result).toBeVisible();
  await expect
    .poll(() => result.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
  await expect(page.getByTestId('balance')).toContainText('2 credits');
  await page.getByRole('button', { name: 'New try-on' }).click();
  await expect(page.getByTestId('submit-reason')).toContainText('Add a photo of yourself');
  await context.close();
});
