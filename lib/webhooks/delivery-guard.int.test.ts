import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The production address policy (no WEBHOOK_ALLOW_PRIVATE_URLS), a fast schedule.
vi.hoisted(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
  process.env.WEBHOOK_RETRY_SCALE = '0.00001';
});

import { emitUserEvent } from '@/lib/events';
import { drainInline } from '@/lib/jobs';
import { createUser } from '@/lib/testing/tryon-fixtures';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { POST as create } from '@/app/api/v1/webhooks/route';
import { RETRY_SCHEDULE_MS, webhookAddressPolicy } from './config';
import { generateWebhookSecret } from './generate-webhook-secret';
import { sendWebhookRequest } from './send-webhook-request';
import { startReceiver, type Receiver } from '@/lib/testing/webhook-receiver';

let receiver: Receiver;
let port = '';

beforeAll(async () => {
  receiver = await startReceiver();
  port = new URL(receiver.url()).port;
});
afterAll(async () => {
  await drainInline(60_000);
  await receiver.close();
});

describe('webhook URL policy without WEBHOOK_ALLOW_PRIVATE_URLS', () => {
  it('registration refuses loopback, private, link-local and metadata URLs with webhook_url_forbidden', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    for (const [url, reason] of [
      [`http://127.0.0.1:${port}/hook`, 'loopback'],
      [`http://localhost:${port}/hook`, 'loopback'],
      ['http://[::1]/hook', 'loopback'],
      ['http://10.0.0.8/hook', 'private'],
      ['http://192.168.1.1/hook', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'metadata'],
      ['http://169.254.3.3/', 'link_local'],
    ] as const) {
      const res = await callRoute(create, '/api/v1/webhooks', {
        method: 'POST',
        token,
        body: { url },
      });
      expect(res, url).toMatchObject({
        status: 422,
        body: { error: { code: 'webhook_url_forbidden', details: { reason } } },
      });
    }
    expect(await WebhookEndpoint.countDocuments({ userId: user._id })).toBe(0);
    expect(receiver.received).toHaveLength(0);
  });

  it('delivery re-checks the address: a host that now resolves to loopback is refused before connecting, on every attempt', async () => {
    const userId = await createUser();
    // As if registered while `localhost` resolved to a public address (DNS rebinding).
    const endpoint = await WebhookEndpoint.create({
      userId,
      url: `http://localhost:${port}/rebound`,
      secret: generateWebhookSecret(),
      events: ['credits.low'],
      enabled: true,
      enabledAt: new Date(),
    });
    await emitUserEvent({
      userId,
      type: 'credits.low',
      id: `credits.low:rebind-${endpoint._id}`,
      payload: { balance: 2 },
    });
    await drainInline(60_000);
    expect(receiver.received).toHaveLength(0);
    const delivery = await WebhookDelivery.findOne({ endpointId: endpoint._id }).lean();
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts).toHaveLength(RETRY_SCHEDULE_MS.length);
    for (const a of delivery?.attempts ?? []) {
      expect(a.statusCode).toBeUndefined();
      expect(a.error).toMatch(/^Refused: the host resolves to an address webhooks may not reach/);
    }
  });

  it('an IP literal is refused without a socket; https is required in production', async () => {
    const strict = webhookAddressPolicy(false);
    const literal = await sendWebhookRequest(
      `http://127.0.0.1:${port}/x`,
      '{}',
      {},
      {
        policy: strict,
        production: false,
      },
    );
    expect(literal).toMatchObject({ ok: false, statusCode: null });
    expect(literal.error).toMatch(/^Refused/);
    const insecure = await sendWebhookRequest(
      `http://127.0.0.1:${port}/x`,
      '{}',
      {},
      {
        policy: webhookAddressPolicy(true),
        production: true,
      },
    );
    expect(insecure.error).toBe('Refused: webhook URLs must use https');
    expect(receiver.received).toHaveLength(0);

    // The same request under the dev policy does reach the receiver: the refusals above were the guard.
    const allowed = await sendWebhookRequest(
      `http://localhost:${port}/x`,
      '{}',
      {},
      {
        policy: webhookAddressPolicy(true),
        production: false,
      },
    );
    expect(allowed).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: 'ok' });
    expect(receiver.received).toHaveLength(1);
  });

  it('times out a receiver that does not answer and reports connection failures', async () => {
    receiver.respond = () => ({ status: 200, body: 'late', delayMs: 1_000 });
    const slow = await sendWebhookRequest(
      `http://127.0.0.1:${port}/slow`,
      '{}',
      {},
      {
        policy: webhookAddressPolicy(true),
        production: false,
        timeoutMs: 150,
      },
    );
    receiver.respond = () => ({ status: 200, body: 'ok' });
    expect(slow).toMatchObject({ ok: false, statusCode: null, error: 'Timed out after 150 ms' });
    expect(slow.latencyMs).toBeGreaterThanOrEqual(140);

    const closed = await sendWebhookRequest(
      'http://127.0.0.1:1/none',
      '{}',
      {},
      {
        policy: webhookAddressPolicy(true),
        production: false,
      },
    );
    expect(closed).toMatchObject({ ok: false, error: 'Connection refused' });
  });
});
