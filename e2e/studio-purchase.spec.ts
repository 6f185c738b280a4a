import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { holdAtStripeCheckout, stripeSession } from './support/stripe';
import {
  addPhoto,
  openStudioAs,
  overflowX,
  personPng,
  pickSample,
  spendWithSamples,
  waitForResult,
} from './support/studio';

/**
 * Issue 15: the out-of-credits moment (a banner before any upload, the free
 * refill time, the cheapest pack) and buying inside the app with the studio's
 * photos and mode kept, after a cancelled checkout and after a paid one.
 */

async function expectStudioAsLeft(page: Page) {
  await expect(page.getByRole('radio', { name: /Full outfit/ })).toBeChecked();
  await expect(page.getByAltText('Your photo preview')).toHaveAttribute('src', /^blob:/);
  await expect(page.getByAltText('Top garment preview')).toHaveAttribute('src', /\/samples\//);
  await expect(page.getByAltText('Bottom garment preview')).toHaveAttribute('src', /\/samples\//);
  await expect(page.getByText('your photos and choices are as you left them')).toBeVisible();
}

test('out of credits: the banner, then buying in the app keeps the studio (cancel and pay)', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { page, context } = await openStudioAs(browser, 'studio-buy');
  await spendWithSamples(page, 3);
  await page.reload();
  await expect(page.getByTestId('balance')).toContainText('0 credits');

  // The banner, before any photo: why, when the free credits return, the cheapest pack.
  const banner = page.getByTestId('credits-banner');
  await expect(banner).toContainText('Not enough credits for a top');
  await expect(banner.getByTestId('refill-time')).toHaveText(
    /^3 free try-ons again in about \d+ (hours?|minutes?)\.$/,
  );
  await expect(banner.getByRole('button', { name: 'Buy 300 credits · $6.00' })).toBeVisible();
  // No action that cannot run.
  await expect(page.getByRole('button', { name: /^Try it on/ })).toHaveCount(0);
  await page.screenshot({
    path: 'e2e/screenshots/studio-out-of-credits-desktop.png',
    fullPage: true,
  });

  // Choose a full outfit: an uploaded photo and two samples.
  await page.getByRole('radio', { name: /Full outfit/ }).check();
  await addPhoto(page, 'Your photo', 'me.png', await personPng());
  await pickSample(page, 'Top garment', 'Green jacket');
  await pickSample(page, 'Bottom garment', 'Navy trousers');
  await expect(banner).toContainText('Not enough credits for a full outfit');

  // Cancelled checkout: back in the studio as it was.
  await banner.getByRole('button', { name: /^Buy 300 credits/ }).click();
  await page.waitForURL(/\/credits\/buy\?return_to=studio&credits=300/);
  await expect(page.getByRole('heading', { level: 1, name: 'Buy credits' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /300 credits/ })).toBeChecked();
  await page.screenshot({ path: 'e2e/screenshots/credits-buy-desktop.png', fullPage: true });
  const stripe = await holdAtStripeCheckout(page);
  await page.getByRole('button', { name: /^Continue to payment/ }).click();
  const session = await stripeSession(await stripe.reached());
  expect(session.cancel_url).toMatch(/\/studio\?checkout=canceled$/);
  expect(session.success_url).toMatch(/return_to=studio/);
  await page.goto(session.cancel_url);
  await expect(page.getByText('Checkout cancelled — nothing was charged.')).toBeVisible();
  await expectStudioAsLeft(page);

  // Paid checkout: the success page leads back to the same studio, now able to run.
  await page
    .getByTestId('credits-banner')
    .getByRole('button', { name: /^Buy 300 credits/ })
    .click();
  await page.waitForURL(/\/credits\/buy/);
  const stripe2 = await holdAtStripeCheckout(page);
  await page.getByRole('button', { name: /^Continue to payment/ }).click();
  await stripe2.pay();
  await expect(page.getByRole('heading', { name: '300 credits added' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('link', { name: 'Back to your try-on' }).click();
  await page.waitForURL('**/studio');
  await expectStudioAsLeft(page);
  await expect(page.getByTestId('credits-banner')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try it on · 2 credits' }).click();
  await waitForResult(page);
  await expect(page.getByTestId('balance')).toContainText('298 credits');
  await context.close();
});

test('phone: the out-of-credits banner and the purchase page fit 390 px', async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, context } = await openStudioAs(browser, 'studio-buy-phone', {
    width: 390,
    height: 844,
  });
  await spendWithSamples(page, 3);
  await page.reload();
  await expect(page.getByTestId('credits-banner')).toBeVisible();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await page.screenshot({
    path: 'e2e/screenshots/studio-out-of-credits-mobile.png',
    fullPage: true,
  });
  const bannerAxe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(bannerAxe.violations.map((v) => v.id)).toEqual([]);
  await page.getByTestId('credits-banner').getByRole('button', { name: 'Other packs' }).click();
  await page.waitForURL(/\/credits\/buy/);
  await expect(page.getByRole('heading', { level: 1, name: 'Buy credits' })).toBeVisible();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/screenshots/credits-buy-mobile.png', fullPage: true });
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await context.close();
});
