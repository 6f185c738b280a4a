import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { devSignIn, uniqueEmail } from '../support/accounts';

// Development server only: the receiver listens on loopback, which only a
// local development server may deliver to (WEBHOOK_ALLOW_PRIVATE_URLS); the
// production build refusing it is checked in e2e/production.spec.ts.

/** A customer's receiver: verifies every request with the Standard Webhooks library. */
async function startReceiver() {
  const got: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('received by e2e');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/trailroom-hook`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

test('a developer adds a webhook endpoint, sends a test event and sees it delivered', async ({
  browser,
}) => {
  // Each API route compiles on its first call under `next dev` (slow on a 2-core machine).
  test.setTimeout(300_000);
  const compile = { timeout: 90_000 };
  const receiver = await startReceiver();
  const { page, context } = await devSignIn(
    browser,
    uniqueEmail('webhooks'),
    '/developers/webhooks',
  );
  try {
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Add endpoint', exact: true }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByLabel(/Description/).fill('E2E receiver');
    await form.getByRole('checkbox', { name: /credits\.low/ }).uncheck();
    await page.screenshot({ path: 'e2e/screenshots/webhooks-form.png' });
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form).toBeHidden(compile);

    const card = page.getByRole('region', { name: receiver.url });
    await expect(card).toBeVisible();
    await expect(card.getByRole('list', { name: 'Subscribed events' })).not.toContainText(
      'credits.low',
    );
    const secret = ((await card.getByTestId('webhook-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);

    await card.getByLabel('Test event').selectOption('payment.completed');
    await card.getByRole('button', { name: 'Send test event' }).click();
    await expect(card.getByRole('status').first()).toContainText(
      'Test payment.completed event sent',
    );
    const row = card.getByTestId('delivery-row').first();
    await expect(row).toContainText('payment.completed', compile);
    await expect(row).toContainText('Delivered');
    await expect(row).toContainText('HTTP 200');
    await row.getByRole('button', { name: 'Attempts' }).click();
    await expect(card.getByText('received by e2e')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/webhooks.png', fullPage: true });

    // The receiver got exactly that message, and it verifies with the secret the page showed.
    expect(receiver.got).toHaveLength(1);
    const { headers, body } = receiver.got[0]!;
    const event = new Webhook(secret).verify(body, headers as Record<string, string>);
    expect(event).toMatchObject({ type: 'payment.completed', test: true });

    // Redeliver from the log: same webhook-id, a second attempt.
    await row.getByRole('button', { name: /^Redeliver/ }).click();
    await expect.poll(() => receiver.got.length, compile).toBe(2);
    expect(receiver.got[1]!.headers['webhook-id']).toBe(headers['webhook-id']);

    // Pausing shows the banner with its reason and a way back.
    await card.getByRole('button', { name: 'Pause' }).click();
    await expect(card.getByText('Disabled by you')).toBeVisible(compile);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'e2e/screenshots/webhooks-mobile.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await card.getByRole('button', { name: 'Enable endpoint' }).click();
    await expect(card.getByText('Disabled by you')).toBeHidden();

    // Clean up through the UI (the server may be reused between runs).
    await card.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(card).toBeHidden(compile);
  } finally {
    await receiver.close();
    await context.close();
  }
});

test('the API docs explain webhook signatures, payloads and retries', async ({ page }) => {
  await page.goto('/docs#webhooks-guide');
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: 'Receiving webhooks' }),
  });
  await expect(section).toContainText('standardwebhooks');
  await expect(section).toContainText('tryon.completed');
  await expect(section.getByRole('table', { name: 'Webhook retry schedule' })).toContainText(
    '10 h',
  );
  await section.screenshot({ path: 'e2e/screenshots/docs-webhooks.png' });
});
