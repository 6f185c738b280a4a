import { test, expect, type APIRequestContext } from '@playwright/test';
import { seededAdmin, signIn, uniqueEmail } from './support/accounts';
import { garmentPng, personPng } from './support/studio';

/**
 * The product catalog on the production build (issue 11): an organisation's
 * owner adds a product with a photo, imports a CSV whose bad rows are
 * reported row by row, switches a product off (a try-on by its SKU is then
 * refused) and on again, and a try-on named by SKU uses the product's photo
 * and spends the organisation's credits (granted by an admin). Keyboard-operable switch; the
 * page fits a phone. Screenshots at 1366×900 and 390×844.
 */

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function balance(api: APIRequestContext): Promise<number> {
  const res = await api.get('/api/v1/credits');
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { total_credits: number }).total_credits;
}

test('a shop’s catalog: add, import with per-row errors, switch off and on, try on by SKU', async ({
  browser,
}) => {
  test.slow();
  const { context, page } = await signIn(browser, uniqueEmail('catalog-owner'), '/studio');
  const api = context.request;
  await page.setViewportSize(DESKTOP);

  // An organisation of one's own, made the active account.
  const slug = `catalog-${Date.now().toString(36)}`;
  const created = await api.post('/api/orgs', { data: { name: 'Catalog Shop', slug } });
  expect(created.ok(), await created.text()).toBe(true);
  const orgJson = (await created.json()) as { id?: string; organization?: { id: string } };
  const orgId = orgJson.organization?.id ?? orgJson.id ?? '';
  const switched = await api.post('/api/account/context', { data: { org_id: orgId } });
  expect(switched.ok(), await switched.text()).toBe(true);

  // Empty catalog.
  await page.goto('/org/products');
  await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
  await expect(page.getByText('No products yet.')).toBeVisible();

  // Add a product with a photo.
  await page.getByRole('button', { name: 'Add product' }).first().click();
  const form = page.getByRole('dialog', { name: 'Add a product' });
  await form.getByLabel('SKU').fill('TEE-1');
  await form.getByLabel('Name').fill('Everyday tee');
  await form.getByLabel('Family (optional)').fill('everyday-tee');
  await form.getByLabel('Product page (optional)').fill('https://shop.example/tee');
  await form.getByTestId('product-images-input').setInputFiles({
    name: 'tee.png',
    mimeType: 'image/png',
    buffer: await garmentPng('#1d4ed8'),
  });
  await expect(form.getByRole('img', { name: /Photo 1 \(used for try-ons\)/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/catalog-add.png' });
  await form.getByRole('button', { name: 'Add product' }).click();
  await expect(form).toBeHidden();
  const row = page.getByTestId('product-row-TEE-1');
  await expect(row).toContainText('Everyday tee');
  // The thumbnail loads (a signed link to the organisation's image).
  await expect
    .poll(() => row.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  // A duplicate SKU is refused in the form, next to the field.
  await page.getByRole('button', { name: 'Add product' }).first().click();
  await form.getByLabel('SKU').fill('TEE-1');
  await form.getByLabel('Name').fill('Another tee');
  await form.getByTestId('product-images-input').setInputFiles({
    name: 'other.png',
    mimeType: 'image/png',
    buffer: await garmentPng('#be123c'),
  });
  await form.getByRole('button', { name: 'Add product' }).click();
  await expect(form.getByText(/already has the SKU/).first()).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // CSV import: one update, bad rows reported by row, field and reason.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const importer = page.getByRole('dialog', { name: 'Import products from CSV' });
  const csv = [
    'sku,name,category,family,active',
    'TEE-1,Everyday tee (cotton),top,everyday-tee,true',
    ',Nameless,top,,',
    'SKIRT-1,Pleated skirt,skirt,,',
    'TEE-1,Again,top,,',
    'DRESS-1,Midi dress,one-piece,,',
  ].join('\n');
  await importer.getByLabel('CSV file').setInputFiles({
    name: 'catalog.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await importer.getByRole('button', { name: 'Import' }).click();
  await expect(importer.getByRole('status')).toContainText(
    '5 rows: 0 created, 1 updated, 0 unchanged, 4 refused.',
  );
  const refused = importer.getByRole('table', { name: 'Refused rows' });
  await expect(refused.getByRole('row')).toHaveCount(5);
  await expect(refused.getByRole('row', { name: /^3 .*sku.*required/ })).toBeVisible();
  await expect(refused.getByRole('row', { name: /^4 SKIRT-1 category/ })).toBeVisible();
  await expect(refused.getByRole('row', { name: /^5 TEE-1 sku .*row 2/ })).toBeVisible();
  await expect(refused.getByRole('row', { name: /^6 DRESS-1 image_url/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/catalog-import.png' });
  await importer.getByRole('button', { name: 'Done' }).click();
  await expect(row).toContainText('Everyday tee (cotton)');

  // Organisation credits: an admin grants them (audited), as support would.
  const admin = await seededAdmin(browser);
  const adminPage = await admin.context.newPage();
  await adminPage.goto(`/admin/organizations?q=${encodeURIComponent(slug)}`);
  await adminPage.getByRole('link', { name: 'Catalog Shop' }).click();
  await adminPage.getByRole('textbox', { name: 'Credits' }).fill('20');
  await adminPage.getByLabel(/Why/).fill('e2e: credits for the catalog shop');
  await adminPage.getByRole('button', { name: 'Apply adjustment' }).click();
  await adminPage.getByRole('button', { name: 'Add 20 credits' }).click();
  await expect(adminPage.getByText('Adjusted by +20 credits.')).toBeVisible();
  await admin.context.close();
  await expect.poll(() => balance(api)).toBe(20);
  const personBase64 = (await personPng()).toString('base64');
  const tryOn = () =>
    api.post('/api/v1/tryon', {
      data: { mode: 'top', user_image: personBase64, sku: 'TEE-1' },
    });

  // Switched off with the keyboard: a try-on by its SKU is refused, nothing is charged.
  const active = page.getByRole('switch', { name: 'Active: TEE-1' });
  await expect(active).toHaveAttribute('aria-checked', 'true');
  await active.focus();
  await page.keyboard.press('Space');
  await expect(active).toHaveAttribute('aria-checked', 'false');
  await expect
    .poll(
      async () =>
        ((await (await api.get('/api/v1/products')).json()) as { data: Array<{ active: boolean }> })
          .data[0]?.active,
    )
    .toBe(false);
  const off = await tryOn();
  expect(off.status()).toBe(422);
  expect(((await off.json()) as { error: { code: string } }).error.code).toBe('product_inactive');
  await active.focus();
  await page.keyboard.press('Space');
  await expect(active).toHaveAttribute('aria-checked', 'true');

  // On again: the try-on by SKU runs with the product's photo and costs the organisation 1 credit.
  await expect.poll(async () => (await tryOn()).status(), { timeout: 15_000 }).toBe(202);
  const jobs = (await (await api.get('/api/v1/tryon?limit=5')).json()) as {
    data: Array<{ id: string; sku?: string; status: string }>;
  };
  const job = jobs.data[0];
  expect(job?.sku).toBe('TEE-1');
  await expect
    .poll(
      async () =>
        ((await (await api.get(`/api/v1/tryon/${job?.id}`)).json()) as { status: string }).status,
      { timeout: 60_000 },
    )
    .toBe('completed');
  expect(await balance(api)).toBe(19);

  // Filters, and the page on a phone.
  await page.goto('/org/products?category=bottom');
  await expect(page.getByText('No product matches these filters.')).toBeVisible();
  await page.goto('/org/products?q=tee');
  await expect(row).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/catalog-1366.png', fullPage: true });
  await page.setViewportSize(PHONE);
  await page.goto('/org/products');
  await expect(row).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  await page.screenshot({ path: 'e2e/screenshots/catalog-390.png', fullPage: true });
  await context.close();
});
