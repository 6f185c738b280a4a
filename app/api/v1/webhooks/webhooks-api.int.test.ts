import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'true';
  process.env.WEBHOOK_RETRY_SCALE = '0.00001';
});

import { Webhook } from 'standardwebhooks';
import { drainInline } from '@/lib/jobs';
import { createApiKeyFor } from '@/lib/testing/tryon-fixtures';
import { MAX_ENDPOINTS_PER_USER, type WebhookDeliveryPage } from '@/lib/webhooks';
import { startReceiver, type Receiver } from '@/lib/testing/webhook-receiver';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { ApiKey } from '@/models';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { GET as list, POST as create } from './route';
import { DELETE as remove, GET as getOne, PATCH as patch } from './[id]/route';
import { POST as rotate } from './[id]/rotate-secret/route';
import { POST as sendTest } from './[id]/test/route';
import { GET as deliveries } from './[id]/deliveries/route';
import { POST as retry } from './[id]/deliveries/[deliveryId]/retry/route';

type Endpoint = {
  id: string;
  url: string;
  secret?: string;
  events: string[];
  enabled: boolean;
  description: string | null;
  disabled_reason: string | null;
};

let receiver: Receiver;
let n = 0;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await drainInline(60_000);
  await receiver.close();
});

async function owner() {
  const user = await createTestUser();
  return { user, userId: user._id.toString(), token: await sessionToken(user) };
}

async function register(token: string, body: Record<string, unknown> = {}) {
  const path = `/api-${++n}`;
  const res = await callRoute(create, '/api/v1/webhooks', {
    method: 'POST',
    token,
    body: { url: receiver.url(path), ...body },
  });
  expect(res.status).toBe(201);
  const endpoint = res.body as Endpoint;
  receiver.secrets.set(path, endpoint.secret!);
  return { endpoint, path };
}

const at = (path: string) => receiver.received.filter((r) => r.path === path);

describe('/api/v1/webhooks', () => {
  it('creates (secret shown), lists (no secrets), reads (secret), updates and deletes an endpoint', async () => {
    const { token } = await owner();
    const { endpoint } = await register(token, {
      events: ['tryon.completed', 'tryon.failed', 'tryon.completed'],
      description: 'Shop backend',
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({
      events: ['tryon.completed', 'tryon.failed'],
      description: 'Shop backend',
      enabled: true,
    });

    const listed = await callRoute(list, '/api/v1/webhooks', { token });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect((listed.body as { data: Endpoint[] }).data.map((e) => e.id)).toEqual([endpoint.id]);

    const read = await callRoute(getOne, `/api/v1/webhooks/${endpoint.id}`, {
      token,
      params: { id: endpoint.id },
    });
    expect((read.body as Endpoint).secret).toBe(endpoint.secret);

    const updated = await callRoute(patch, `/api/v1/webhooks/${endpoint.id}`, {
      method: 'PATCH',
      token,
      params: { id: endpoint.id },
      body: { events: ['credits.low'], description: null, enabled: false },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      events: ['credits.low'],
      description: null,
      enabled: false,
      disabled_reason: expect.stringMatching(/Disabled by you/),
    });

    const gone = await callRoute(remove, `/api/v1/webhooks/${endpoint.id}`, {
      method: 'DELETE',
      token,
      params: { id: endpoint.id },
    });
    expect(gone.body).toEqual({ id: endpoint.id, deleted: true });
    expect(
      (
        await callRoute(getOne, `/api/v1/webhooks/${endpoint.id}`, {
          token,
          params: { id: endpoint.id },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses bad input and URLs with precise codes, and caps endpoints per account', async () => {
    const { token } = await owner();
    const post = (body: unknown) =>
      callRoute(create, '/api/v1/webhooks', { method: 'POST', token, body });
    expect(await post({ url: 'https://169.254.169.254/latest/meta-data' })).toMatchObject({
      status: 422,
      body: { error: { code: 'webhook_url_forbidden', details: { reason: 'metadata' } } },
    });
    expect(await post({ url: 'http://[fd00:ec2::254]/' })).toMatchObject({
      status: 422,
      body: { error: { code: 'webhook_url_forbidden', details: { reason: 'metadata' } } },
    });
    expect(await post({ url: 'http://169.254.7.7/' })).toMatchObject({
      status: 422,
      body: { error: { code: 'webhook_url_forbidden', details: { reason: 'link_local' } } },
    });
    expect(await post({ url: 'not a url' })).toMatchObject({
      status: 422,
      body: { error: { code: 'webhook_url_invalid' } },
    });
    expect(await post({ url: 'https://user:pw@127.0.0.1/' })).toMatchObject({
      status: 422,
      body: { error: { code: 'webhook_url_invalid' } },
    });
    expect(await post({ url: receiver.url(), events: [] })).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error' } },
    });
    expect(await post({ url: receiver.url(), events: ['user.deleted'] })).toMatchObject({
      status: 400,
    });
    expect(await post({ url: receiver.url(), secret: 'whsec_mine' })).toMatchObject({
      status: 400,
    });

    for (let i = 0; i < MAX_ENDPOINTS_PER_USER; i++) await register(token);
    expect(await post({ url: receiver.url() })).toMatchObject({
      status: 409,
      body: { error: { code: 'webhook_endpoint_limit' } },
    });
  });

  it('another user’s endpoint and delivery ids are 404 everywhere, and so are malformed ids', async () => {
    const a = await owner();
    const b = await owner();
    const { endpoint } = await register(a.token);
    await callRoute(sendTest, `/api/v1/webhooks/${endpoint.id}/test`, {
      method: 'POST',
      token: a.token,
      params: { id: endpoint.id },
    });
    await drainInline(60_000);
    const delivery = await WebhookDelivery.findOne({ endpointId: endpoint.id }).lean();
    const deliveryId = delivery!._id.toString();
    const { endpoint: own } = await register(b.token);

    const id = endpoint.id;
    const asB = { token: b.token, params: { id } };
    const results = [
      await callRoute(getOne, `/api/v1/webhooks/${id}`, asB),
      await callRoute(patch, `/api/v1/webhooks/${id}`, {
        ...asB,
        method: 'PATCH',
        body: { enabled: false },
      }),
      await callRoute(remove, `/api/v1/webhooks/${id}`, { ...asB, method: 'DELETE' }),
      await callRoute(rotate, `/api/v1/webhooks/${id}/rotate-secret`, { ...asB, method: 'POST' }),
      await callRoute(sendTest, `/api/v1/webhooks/${id}/test`, { ...asB, method: 'POST' }),
      await callRoute(deliveries, `/api/v1/webhooks/${id}/deliveries`, asB),
      await callRoute(retry, `/api/v1/webhooks/${id}/deliveries/${deliveryId}/retry`, {
        token: b.token,
        method: 'POST',
        params: { id, deliveryId },
      }),
      // b's own endpoint with a's delivery id
      await callRoute(retry, `/api/v1/webhooks/${own.id}/deliveries/${deliveryId}/retry`, {
        token: b.token,
        method: 'POST',
        params: { id: own.id, deliveryId },
      }),
    ];
    for (const r of results)
      expect(r).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const after = await WebhookEndpoint.findById(id).lean();
    expect(after?.enabled).toBe(true);
    expect(after?.secret).toBe(endpoint.secret);
    expect(await WebhookDelivery.countDocuments({ endpointId: id })).toBe(1);

    expect(
      (await callRoute(getOne, '/api/v1/webhooks/nope', { token: a.token, params: { id: 'nope' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await callRoute(retry, `/api/v1/webhooks/${id}/deliveries/0/retry`, {
          token: a.token,
          method: 'POST',
          params: { id, deliveryId: '0' },
        })
      ).status,
    ).toBe(404);
    expect((await callRoute(list, '/api/v1/webhooks', {})).status).toBe(401);
  });

  it('works with an API key; a revoked key gets 401 api_key_revoked', async () => {
    const { userId } = await owner();
    const { key, apiKeyId } = await createApiKeyFor(userId);
    const created = await callRoute(create, '/api/v1/webhooks', {
      method: 'POST',
      apiKey: key,
      body: { url: receiver.url('/by-key') },
    });
    expect(created.status).toBe(201);
    await ApiKey.updateOne({ _id: apiKeyId }, { $set: { revokedAt: new Date() } });
    for (const r of [
      await callRoute(list, '/api/v1/webhooks', { apiKey: key }),
      await callRoute(create, '/api/v1/webhooks', {
        method: 'POST',
        apiKey: key,
        body: { url: receiver.url('/by-key') },
      }),
    ]) {
      expect(r).toMatchObject({ status: 401, body: { error: { code: 'api_key_revoked' } } });
    }
  });

  it('sends a signed test event, logs it, pages the log, and redelivers with the same webhook-id', async () => {
    const { token } = await owner();
    const { endpoint, path } = await register(token, {
      events: ['payment.completed', 'credits.low'],
    });
    const asOwner = { token, params: { id: endpoint.id } };
    const sent = await callRoute(sendTest, `/api/v1/webhooks/${endpoint.id}/test`, {
      ...asOwner,
      method: 'POST',
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      event_type: 'payment.completed',
      test: true,
      status: 'pending',
    });
    await drainInline(60_000);
    const [hit] = at(path);
    expect(hit?.verifyError).toBeUndefined();
    expect(hit?.verified).toMatchObject({
      type: 'payment.completed',
      test: true,
      data: { credits: 2100, amount_cents: 3780 },
    });

    for (const event_type of ['credits.low', 'credits.low']) {
      await callRoute(sendTest, `/api/v1/webhooks/${endpoint.id}/test`, {
        ...asOwner,
        method: 'POST',
        body: { event_type },
      });
    }
    await drainInline(60_000);
    const page1 = (
      await callRoute(deliveries, `/api/v1/webhooks/${endpoint.id}/deliveries?limit=2`, asOwner)
    ).body as WebhookDeliveryPage;
    expect(page1).toMatchObject({ page: 1, limit: 2, total: 3, has_more: true });
    expect(page1.data.map((d) => d.event_type)).toEqual(['credits.low', 'credits.low']);
    const page2 = (
      await callRoute(
        deliveries,
        `/api/v1/webhooks/${endpoint.id}/deliveries?limit=2&page=2`,
        asOwner,
      )
    ).body as WebhookDeliveryPage;
    expect(page2).toMatchObject({ total: 3, has_more: false });
    const first = page2.data[0]!;
    expect(first).toMatchObject({
      event_type: 'payment.completed',
      status: 'succeeded',
      attempt_count: 1,
      attempts: [{ status_code: 200, response_excerpt: 'ok', error: null, manual: false }],
      next_attempt_at: null,
    });
    expect(first.attempts[0]!.latency_ms).toBeGreaterThanOrEqual(0);
    const failedFilter = (
      await callRoute(
        deliveries,
        `/api/v1/webhooks/${endpoint.id}/deliveries?status=failed`,
        asOwner,
      )
    ).body as WebhookDeliveryPage;
    expect(failedFilter.total).toBe(0);

    receiver.respond = (req) => (req.path === path ? { status: 204 } : { status: 200, body: 'ok' });
    const again = await callRoute(
      retry,
      `/api/v1/webhooks/${endpoint.id}/deliveries/${first.id}/retry`,
      { token, method: 'POST', params: { id: endpoint.id, deliveryId: first.id } },
    );
    expect(again.status).toBe(202);
    await drainInline(60_000);
    receiver.respond = () => ({ status: 200, body: 'ok' });
    const hits = at(path).filter((h) => h.headers['webhook-id'] === first.message_id);
    expect(hits).toHaveLength(2);
    expect(hits[1]!.verifyError).toBeUndefined();
    const stored = await WebhookDelivery.findById(first.id).lean();
    expect(stored?.status).toBe('succeeded');
    expect(stored?.attempts.map((a) => [a.statusCode, Boolean(a.manual)])).toEqual([
      [200, false],
      [204, true],
    ]);
  });

  it('rotates the secret: for a day both the new and the old secret verify', async () => {
    const { token } = await owner();
    const { endpoint, path } = await register(token);
    const rotated = await callRoute(rotate, `/api/v1/webhooks/${endpoint.id}/rotate-secret`, {
      token,
      method: 'POST',
      params: { id: endpoint.id },
    });
    const next = (rotated.body as Endpoint).secret!;
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(endpoint.secret);
    receiver.secrets.set(path, next);
    await callRoute(sendTest, `/api/v1/webhooks/${endpoint.id}/test`, {
      token,
      method: 'POST',
      params: { id: endpoint.id },
    });
    await drainInline(60_000);
    const [hit] = at(path);
    expect(hit?.verifyError).toBeUndefined();
    expect(hit!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(endpoint.secret!).verify(hit!.body, hit!.headers)).not.toThrow();
  });

  it('a disabled endpoint refuses test events and redeliveries with webhook_endpoint_disabled', async () => {
    const { token } = await owner();
    const { endpoint } = await register(token);
    await callRoute(sendTest, `/api/v1/webhooks/${endpoint.id}/test`, {
      token,
      method: 'POST',
      params: { id: endpoint.id },
    });
    await drainInline(60_000);
    const d = await WebhookDelivery.findOne({ endpointId: endpoint.id }).lean();
    await callRoute(patch, `/api/v1/webhooks/${endpoint.id}`, {
      token,
      method: 'PATCH',
      params: { id: endpoint.id },
      body: { enabled: false },
    });
    expect(
      await callRoute(sendTest, `/api/v1/webhooks/${endpoint.id}/test`, {
        token,
        method: 'POST',
        params: { id: endpoint.id },
      }),
    ).toMatchObject({ status: 409, body: { error: { code: 'webhook_endpoint_disabled' } } });
    expect(
      await callRoute(retry, `/api/v1/webhooks/${endpoint.id}/deliveries/${d!._id}/retry`, {
        token,
        method: 'POST',
        params: { id: endpoint.id, deliveryId: d!._id.toString() },
      }),
    ).toMatchObject({ status: 409, body: { error: { code: 'webhook_endpoint_disabled' } } });
  });
});
