import { test, expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import { signIn, uniqueEmail } from './support/accounts';

/**
 * The API playground: a developer calls the API from the browser as
 * themselves and with an API key — a real try-on from submission to the
 * downloaded image — and sees a revoked key refused with its code.
 */

async function png(colour: string, width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

async function pick(page: Page, method: string, path: string) {
  await page
    .getByRole('navigation', { name: 'Operations' })
    .getByRole('button', { name: new RegExp(`^${method}\\s*${path.replace(/[{}/]/g, '\\$&')}$`) })
    .click();
  await expect(page.locator('#op-title')).toBeVisible();
}

async function send(page: Page): Promise<{ status: string; body: string }> {
  await page.getByRole('button', { name: 'Send request' }).click();
  const status = page.getByTestId('response-status');
  await expect(status).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send request' })).toBeEnabled();
  return {
    status: (await status.textContent()) ?? '',
    body:
      (await page
        .getByTestId('response-body')
        .textContent()
        .catch(() => '')) ?? '',
  };
}

test('a developer tries the API in the playground with the session and an API key', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await signIn(
    browser,
    uniqueEmail('playground'),
    '/developers/playground',
  );
  await expect(page.getByRole('heading', { level: 1, name: 'API playground' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Developers' })).toBeVisible();
  // It starts with its own test key (the next test runs a try-on with it).
  await expect(page.getByLabel('An API key')).toBeChecked();
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue(/^tr_test_/);

  // As the signed-in session: the balance of a new account.
  await page.getByLabel('This browser’s session').check();
  await pick(page, 'get', '/credits');
  expect(new URL(page.url()).searchParams.get('op')).toBe('get-/credits');
  let res = await send(page);
  expect(res.status).toMatch(/^200/);
  expect(JSON.parse(res.body)).toMatchObject({ total_credits: 3 });

  // A key made for the purpose (the Developers page's own flow is tested elsewhere).
  const created = await context.request.post('/api/v1/api-keys', { data: { name: 'Playground' } });
  expect(created.status()).toBe(201);
  const { key, id: keyId } = (await created.json()) as { key: string; id: string };

  await page.getByLabel('An API key').check();
  await page.getByLabel('API key', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /./ })).toContainText('Paste an API key');
  await page.getByLabel('API key', { exact: true }).fill(key);
  res = await send(page);
  expect(res.status).toMatch(/^200/);
  await expect(page.getByText('TRAILROOM_API_KEY', { exact: false }).first()).toBeVisible();

  // A body that is not JSON is caught before anything is sent.
  await pick(page, 'post', '/tryon');
  // Another operation: the last answer is not shown as if it were this one's.
  await expect(page.getByTestId('response-empty')).toContainText('Not sent yet');
  await expect(page.getByTestId('response')).toHaveCount(0);
  const body = page.getByLabel('JSON body');
  const example = await body.inputValue();
  await body.fill('{ "mode": ');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /./ })).toContainText('not valid JSON');
  await page.getByRole('button', { name: 'Reset to example' }).click();
  await expect(body).toHaveValue(example);

  // A real try-on with the key: two files, an idempotency key, 202.
  await page.getByLabel('Image for user_image').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: await png('#b0a090', 600, 800),
  });
  await page.getByLabel('Image for top_image').setInputFiles({
    name: 'top.png',
    mimeType: 'image/png',
    buffer: await png('#2255aa', 600, 600),
  });
  await expect(body).toHaveValue(/<attached: top\.png>/);
  await body.fill((await body.inputValue()).replace(/"mode": "[a-z]+"/, '"mode": "top"'));
  // The curl for it uploads files, runnable as printed once the names are the reader's own.
  const curl = page.getByTestId('curl-command');
  await expect(curl).toContainText(`-F 'user_image=@me.png'`);
  await expect(curl).toContainText(`-F 'top_image=@top.png'`);
  await expect(curl).toContainText(`-F 'mode=top'`);
  await expect(curl).not.toContainText('<attached');
  await expect(page.getByTestId('curl-files-note')).toContainText('replace me.png and top.png');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByLabel('Idempotency-Key')).toHaveValue(/^[0-9a-f-]{36}$/);
  res = await send(page);
  expect(res.status).toMatch(/^202/);
  const job = JSON.parse(res.body) as { id: string; credits_used: number; source: string };
  expect(job).toMatchObject({ credits_used: 1, source: 'api' });
  await page.screenshot({ path: 'e2e/screenshots/playground-tryon.png', fullPage: true });

  // Follow the job to completion, then fetch its image.
  await page.getByRole('button', { name: `Open GET /tryon/${job.id}` }).click();
  await expect(page.locator('#param-path-id')).toHaveValue(job.id);
  await expect
    .poll(async () => JSON.parse((await send(page)).body).status, {
      timeout: 60_000,
      intervals: [500],
    })
    .toBe('completed');
  // One click from the completed job to its image.
  await page.getByRole('button', { name: `Open GET /tryon/${job.id}/image` }).click();
  await expect(page.locator('#op-title')).toContainText(/image/i);
  await expect(page.getByAltText('The image the API returned')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/playground-image.png', fullPage: true });
  await pick(page, 'get', '/tryon/{id}/image');
  await page.locator('#param-path-id').fill(job.id);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByAltText('The image the API returned')).toBeVisible();
  await expect(page.getByTestId('response').getByText('image/webp')).toBeVisible();

  // Revoked: the same key now gets 401 api_key_revoked.
  expect((await context.request.delete(`/api/v1/api-keys/${keyId}`)).status()).toBe(200);
  await pick(page, 'get', '/credits');
  res = await send(page);
  expect(res.status).toMatch(/^401/);
  await expect(page.getByTestId('response').getByText('api_key_revoked').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/playground.png', fullPage: true });

  // On a phone the operation list becomes a select.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Operation', { exact: true }).selectOption('get-/tryon');
  await expect(page.locator('#op-title')).toHaveText('List your try-on jobs, newest first');
  await page.getByLabel('An API key').check();
  await page.getByLabel('This browser’s session').check();
  res = await send(page);
  expect(res.status).toMatch(/^200/);
  expect(JSON.parse(res.body).data[0]).toMatchObject({ id: job.id });
  await page.screenshot({ path: 'e2e/screenshots/playground-mobile.png', fullPage: true });
  await context.close();
});

test('a key just created is handed to the playground once, without pasting', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page, context } = await signIn(browser, uniqueEmail('handoff'), '/developers');
  await page.getByLabel('New key name').fill('Try me');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())?.trim() ?? '';
  expect(key).toMatch(/^tr_live_/);
  await page.getByRole('button', { name: 'Test it in the playground' }).click();
  await page.waitForURL('**/developers/playground?op=get-/credits');
  await expect(page.getByLabel('An API key')).toBeChecked();
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue(key);
  const res = await send(page);
  expect(res.status).toMatch(/^200/);
  // Read once: a reload starts with the playground's own test key again, not the handed-over one.
  await page.reload();
  await expect(page.getByLabel('An API key')).toBeChecked();
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue(/^tr_test_/);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await context.close();
});

test('the playground defaults to a test key: a test try-on runs from it and costs nothing', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await signIn(browser, uniqueEmail('testkey'), '/developers/playground');
  await pick(page, 'post', '/tryon');
  await expect(page.getByLabel('An API key')).toBeChecked();
  const keyField = page.getByLabel('API key', { exact: true });
  await expect(keyField).toHaveValue(/^tr_test_[0-9A-Za-z]{32}$/);
  await expect(page.getByText('A test key: nothing is charged')).toBeVisible();

  await page.getByLabel('Image for user_image').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: await png('#b0a090', 600, 800),
  });
  await page.getByLabel('Image for top_image').setInputFiles({
    name: 'top.png',
    mimeType: 'image/png',
    buffer: await png('#2255aa', 600, 600),
  });
  const body = page.getByLabel('JSON body');
  await body.fill((await body.inputValue()).replace(/"mode": "[a-z_]+"/, '"mode": "top"'));
  let res = await send(page);
  expect(res.status).toMatch(/^202/);
  const job = JSON.parse(res.body) as { id: string };
  expect(JSON.parse(res.body)).toMatchObject({ livemode: false, credits_used: 1, source: 'api' });
  await page.screenshot({ path: 'e2e/screenshots/playground-test-key.png', fullPage: true });

  await page.getByRole('button', { name: `Open GET /tryon/${job.id}` }).click();
  await expect
    .poll(async () => JSON.parse((await send(page)).body).status, {
      timeout: 60_000,
      intervals: [500],
    })
    .toBe('completed');
  res = await send(page);
  expect(JSON.parse(res.body)).toMatchObject({ provider: 'local', livemode: false });

  // Nothing was charged, and the session (live) does not see the test job.
  await page.getByLabel('This browser’s session').check();
  await pick(page, 'get', '/credits');
  res = await send(page);
  expect(JSON.parse(res.body)).toMatchObject({ total_credits: 3 });
  await pick(page, 'get', '/tryon');
  res = await send(page);
  expect(JSON.parse(res.body).data).toEqual([]);

  // On a phone: the key and its hint fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('An API key').check();
  await expect(page.getByText('A test key: nothing is charged')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'e2e/screenshots/playground-test-key-mobile.png', fullPage: true });
  await context.close();
});
