import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import {
  addPhoto,
  openStudioAs,
  overflowX,
  personPng,
  pickSample,
  touchDrag,
  waitForResult,
} from './support/studio';

/**
 * Issue 15, the shopper's studio: a zero-upload sample try-on, the compare
 * handle dragged on the image (mouse and touch), the keyboard path without
 * the hidden file input, phones without sideways scrolling, and a saved photo
 * reused in a second try-on.
 */
const PHONE = { width: 390, height: 844 };

async function axeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

function sliderValue(page: Page) {
  return page.getByLabel('Compare before and after').inputValue().then(Number);
}

test('zero-upload sample try-on; the compare handle follows a mouse drag on the image', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { page, context } = await openStudioAs(browser, 'studio-sample');
  await page.getByRole('button', { name: 'Try with a sample' }).click();
  await expect(page.getByAltText('Your photo preview')).toHaveAttribute('src', /\/samples\//);
  await expect(page.getByAltText('Top garment preview')).toHaveAttribute('src', /\/samples\//);
  await axeClean(page);
  await page.screenshot({ path: 'e2e/screenshots/studio-samples-desktop.png', fullPage: true });

  await page.getByRole('button', { name: 'Try it on · 1 credit' }).click();
  await waitForResult(page);
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
  await expect(page.getByTestId('balance')).toContainText('2 credits');

  const frame = page.getByTestId('compare-frame');
  const box = (await frame.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.35, y, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => sliderValue(page)).toBeGreaterThanOrEqual(18);
  expect(await sliderValue(page)).toBeLessThanOrEqual(22);
  const handle = (await page.getByTestId('compare-handle').boundingBox())!;
  expect(Math.abs(handle.x - (box.x + box.width * 0.2))).toBeLessThan(box.width * 0.03);
  await axeClean(page);
  await page.screenshot({ path: 'e2e/screenshots/studio-result-drag-desktop.png', fullPage: true });
  await context.close();
});

test('phone: the studio never scrolls sideways and the handle follows a touch drag', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { page, context } = await openStudioAs(browser, 'studio-phone', PHONE);
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Try with a sample' }).click();
  await page.getByRole('radio', { name: /Full outfit/ }).check();
  await pickSample(page, 'Bottom garment', 'Denim skirt');
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/screenshots/studio-samples-mobile.png', fullPage: true });

  await page.getByRole('button', { name: 'Try it on · 2 credits' }).click();
  // While it runs (the moment the studio used to widen to 406 px) and after.
  await expect(page.getByTestId('job-progress')).toBeVisible();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await waitForResult(page);
  expect(await overflowX(page)).toBeLessThanOrEqual(0);

  const frame = page.getByTestId('compare-frame');
  await frame.scrollIntoViewIfNeeded();
  const box = (await frame.boundingBox())!;
  const y = box.y + box.height / 2;
  await touchDrag(page, { x: box.x + box.width * 0.5, y }, { x: box.x + box.width * 0.8, y });
  await expect.poll(() => sliderValue(page)).toBeGreaterThanOrEqual(78);
  expect(await sliderValue(page)).toBeLessThanOrEqual(82);
  // Tap targets of the result's actions.
  for (const name of ['Download', 'Start over', 'Compare in History']) {
    const b = (await page
      .getByRole(name === 'Start over' ? 'button' : 'link', { name })
      .boundingBox())!;
    expect(b.height, name).toBeGreaterThanOrEqual(44);
  }
  await page.screenshot({ path: 'e2e/screenshots/studio-result-mobile.png', fullPage: true });
  await context.close();
});

test('keyboard only: pick photos without the hidden file input, arrows select the mode, focus on the result', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { page, context } = await openStudioAs(browser, 'studio-keys');
  const fileInputFocused = () =>
    page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'file');

  // Tab from the top of the page to the first slot's button; no stop on a file input.
  await page.locator('body').focus();
  const choosePerson = page.getByRole('button', { name: 'Choose file for Your photo' });
  for (
    let i = 0;
    i < 40 && !(await choosePerson.evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab');
    expect(await fileInputFocused()).toBe(false);
  }
  await expect(choosePerson).toBeFocused();

  // The mode group: arrow keys select, not only move focus.
  await page.getByRole('radio', { name: /Top only/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /Full outfit/ })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: /Top only/ })).toBeChecked();

  // Enter on the visible button opens the picker; focus lands on this slot's Replace.
  await choosePerson.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (
    await chooser
  ).setFiles({ name: 'me.png', mimeType: 'image/png', buffer: await personPng() });
  await expect(page.getByAltText('Your photo preview')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace Your photo' })).toBeFocused();

  // Onwards by Tab to the next slot (never through a file input), a sample by keyboard.
  const sampleTop = page.getByRole('button', { name: 'Use a sample for Top garment' });
  for (
    let i = 0;
    i < 10 && !(await sampleTop.evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab');
    expect(await fileInputFocused()).toBe(false);
  }
  await expect(sampleTop).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Blue T-shirt' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByAltText('Top garment preview')).toBeVisible();
  await expect(page.getByAltText('Your photo preview')).toBeVisible(); // the other slot is untouched

  const submit = page.getByRole('button', { name: 'Try it on · 1 credit' });
  await submit.focus();
  await page.keyboard.press('Enter');
  await waitForResult(page);
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Your try-on is ready.' })).toHaveCount(
    1,
  );
  await context.close();
});

test('a saved photo is reused in a second try-on, listed in My photos and deleted at once', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page, context } = await openStudioAs(browser, 'studio-saved');
  await addPhoto(page, 'Your photo', 'me.png', await personPng());
  await page.getByLabel('Save this photo to My photos for next time').check();
  await page.getByLabel('Keep it for').selectOption('1y');
  await pickSample(page, 'Top garment', 'Blue T-shirt');
  await page.screenshot({ path: 'e2e/screenshots/studio-save-photo-desktop.png', fullPage: true });
  await page.getByRole('button', { name: 'Try it on · 1 credit' }).click();
  await waitForResult(page);

  const photos = (await (await page.request.get('/api/photos')).json()) as {
    data: Array<{ id: string; retention: string }>;
  };
  expect(photos.data).toHaveLength(1);
  expect(photos.data[0]!.retention).toBe('1y');
  const savedId = photos.data[0]!.id;

  // A new visit: the saved photo instead of an upload.
  await page.goto('/studio');
  await page.getByRole('button', { name: 'My photos or a sample for Your photo' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('saved-photo-option')).toHaveCount(1);
  await axeClean(page);
  await dialog.getByTestId('saved-photo-option').click();
  await expect(page.getByAltText('Your photo preview')).toHaveAttribute(
    'src',
    `/api/assets/${savedId}`,
  );
  await pickSample(page, 'Top garment', 'Striped sweater');
  await page.getByRole('button', { name: 'Try it on · 1 credit' }).click();
  await waitForResult(page);
  const jobs = (await (await page.request.get('/api/v1/tryon?limit=1')).json()) as {
    data: Array<{ inputs?: { user_image_id: string } }>;
  };
  expect(jobs.data[0]?.inputs?.user_image_id).toBe(savedId);

  // My photos: listed, then deleted at once.
  await page.goto('/studio/photos');
  await expect(page.getByRole('heading', { level: 1, name: 'My photos' })).toBeVisible();
  await expect(page.getByTestId('saved-photo')).toHaveCount(1);
  await axeClean(page);
  await page.screenshot({ path: 'e2e/screenshots/my-photos-desktop.png', fullPage: true });
  await page.setViewportSize(PHONE);
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/screenshots/my-photos-mobile.png', fullPage: true });
  await expect(async () => {
    await page.getByRole('button', { name: /^Delete/ }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No saved photos')).toBeVisible();
  expect(
    ((await (await page.request.get('/api/photos')).json()) as { data: unknown[] }).data,
  ).toEqual([]);
  await context.close();
});
