import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { buildWebhookEnvelope } from '../lib/webhooks/build-webhook-envelope';
import { generateWebhookSecret } from '../lib/webhooks/generate-webhook-secret';
import { signWebhook } from '../lib/webhooks/sign-webhook';
import { createTrailRoom, TrailRoomError } from '../sdk/src';
import { signIn, uniqueEmail } from './support/accounts';

/**
 * The typed SDK (sdk/) used from Node against the running production build, with a
 * real API key of a fresh account: a try-on from files, waited for and downloaded;
 * a bad key; a webhook signed by the server's signing code and verified by the SDK.
 */
test('the SDK creates a try-on from files, waits for it, downloads the image and reports errors', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await signIn(browser, uniqueEmail('sdk'), '/account');
  // A non-browser call with the session (no Origin): the route's CSRF check lets it through.
  const created = await page.request.post('/api/v1/api-keys', { data: { name: 'SDK e2e' } });
  expect(created.status(), await created.text()).toBe(201);
  const { key } = (await created.json()) as { key: string };
  expect(key).toMatch(/^tr_live_/);
  await context.close();

  // From here on: only the SDK and the key (no cookies, no Playwright request).
  const trailroom = createTrailRoom({ apiKey: key, baseUrl: baseURL! });
  const [person, tee] = await Promise.all([
    readFile('public/samples/person-ada.png'),
    readFile('public/samples/top-blue-tee.png'),
  ]);
  const job = await trailroom.tryon.create({
    userImage: person,
    topImage: new Blob([new Uint8Array(tee)], { type: 'image/png' }),
    idempotencyKey: `sdk-e2e-${Date.now()}`,
  });
  expect(job).toMatchObject({ status: 'queued', mode: 'top', source: 'api', credits_used: 1 });

  const statuses: string[] = [];
  const done = await trailroom.tryon.wait(job.id, {
    intervalMs: 250,
    timeoutMs: 90_000,
    onPoll: (j) => statuses.push(j.status),
  });
  expect(done.status, JSON.stringify(done.error)).toBe('completed');
  expect(done.output_image_url).toBeTruthy();
  expect(statuses.at(-1)).toBe('completed');

  const image = await trailroom.tryon.image(job.id);
  expect(image.type).toBe('image/webp');
  const bytes = new Uint8Array(await image.arrayBuffer());
  expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('WEBP');
  const jpeg = await trailroom.tryon.image(job.id, { format: 'jpeg', w: '320' });
  expect(jpeg.type).toBe('image/jpeg');

  // The typed low-level client reaches every other operation.
  const { data: balance } = await trailroom.api.GET('/credits');
  expect(balance?.total_credits).toBeGreaterThanOrEqual(0);

  // A bad key: the API's envelope as a TrailRoomError.
  const bad = createTrailRoom({
    apiKey: 'tr_live_notarealkey000000000000000000',
    baseUrl: baseURL!,
  });
  const err = await bad.tryon.get(job.id).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TrailRoomError);
  expect(err).toMatchObject({ status: 401, code: 'invalid_api_key' });
  expect((err as TrailRoomError).requestId).toBeTruthy();

  // Another account's id (and a made-up one) is not found, never someone else's job.
  const missing = await trailroom.tryon.get('000000000000000000000000').catch((e: unknown) => e);
  expect(missing).toMatchObject({ status: 404, code: 'not_found' });

  // tryon.completed as the server signs it (lib/webhooks), verified by the SDK.
  const secret = generateWebhookSecret();
  const body = JSON.stringify(
    buildWebhookEnvelope({
      type: 'tryon.completed',
      occurredAt: done.completed_at ?? new Date(),
      data: { job: done },
    }),
  );
  const headers = signWebhook({
    secrets: [secret],
    messageId: `msg_${job.id}`,
    timestamp: new Date(),
    body,
  });
  const event = trailroom.webhooks.verify(body, headers, secret);
  expect(event.type).toBe('tryon.completed');
  expect(event.data).toMatchObject({ job: { id: job.id, status: 'completed' } });
  expect(() =>
    trailroom.webhooks.verify(body.replace('completed', 'failed'), headers, secret),
  ).toThrow(TrailRoomError);
});

test('/docs shows the SDK example beside curl, readable on a desktop and a phone', async ({
  page,
}) => {
  for (const [width, height, name] of [
    [1366, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/docs');
    const section = page.getByRole('region', { name: 'TypeScript SDK' });
    await expect(section).toContainText(
      "import { createTrailRoom, TrailRoomError } from '@trailroom/sdk'",
    );
    await expect(section).toContainText('trailroom.tryon.wait(job.id)');
    // The examples scroll inside their own box (and can be reached by keyboard), never the page.
    const example = section.getByLabel('SDK example: create a try-on and wait for it');
    await example.focus();
    await expect(example).toBeFocused();
    // (The page's own width is phone-overflow.spec.ts's business: other sections are in it.)
    for (const box of [section, example]) {
      const b = (await box.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, 'the SDK section fits the window').toBeLessThanOrEqual(width);
    }
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `e2e/screenshots/docs-sdk-${name}.png` });
  }
});
