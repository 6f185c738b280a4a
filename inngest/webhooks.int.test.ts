import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Local receivers on 127.0.0.1, and the ~27-hour retry schedule shrunk to about
// a second (same eight attempts). Set before lib/env is first imported.
vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'true';
  process.env.WEBHOOK_RETRY_SCALE = '0.00001';
  process.env.AI_PROVIDER_TOP = 'local';
});

import { emitUserEvent, USER_EVENT } from '@/lib/events';
import type { OutgoingEvent } from '@/lib/jobs';
import { drainInline, sendEvent } from '@/lib/jobs';
import { TRYON_JOB_CREATED, jobEventId } from '@/lib/tryon';
import { createQueuedJob, createUser, seedPrompts } from '@/lib/testing/tryon-fixtures';
import {
  createWebhookEndpoint,
  DISABLE_AFTER_FAILED_DELIVERIES,
  messageIdForEvent,
  RETRY_SCHEDULE_MS,
  updateWebhookEndpoint,
} from '@/lib/webhooks';
import { startReceiver, type Receiver } from '@/lib/testing/webhook-receiver';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { webhooksFanOut } from './webhooks-fan-out';

let receiver: Receiver;
let n = 0;

beforeAll(async () => {
  await seedPrompts();
  receiver = await startReceiver();
});

afterAll(async () => {
  await drainInline(60_000);
  await receiver.close();
});

/** A user with one endpoint on its own receiver path, secret registered with the receiver. */
async function endpointFor(events?: Parameters<typeof createWebhookEndpoint>[1]['events']) {
  const userId = await createUser();
  const path = `/hook-${++n}`;
  const endpoint = await createWebhookEndpoint(userId, {
    url: receiver.url(path),
    ...(events ? { events } : {}),
  });
  receiver.secrets.set(path, endpoint.secret);
  return { userId, path, endpoint };
}

const at = (path: string) => receiver.received.filter((r) => r.path === path);

describe('outgoing webhooks, end to end through the inline job runner', () => {
  it('a completed try-on reaches the receiver once, signed (Standard Webhooks verifies it)', async () => {
    const { userId, path, endpoint } = await endpointFor(['tryon.completed']);
    const job = await createQueuedJob(userId);
    const jobId = job._id.toString();
    await sendEvent({
      name: TRYON_JOB_CREATED,
      id: jobEventId(jobId),
      data: { jobId, userId, mode: 'top', provider: 'local' },
    });
    await drainInline(60_000);

    const hits = at(path);
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit.verifyError).toBeUndefined();
    expect(hit.verified).toMatchObject({
      type: 'tryon.completed',
      test: false,
      data: { job: { id: jobId, status: 'completed' } },
    });
    expect(hit.headers['webhook-id']).toBe(messageIdForEvent(`tryon.completed:${jobId}`));
    expect(hit.headers['webhook-signature']).toMatch(/^v1,/);
    expect(hit.headers['content-type']).toBe('application/json');

    const [delivery] = await WebhookDelivery.find({ endpointId: endpoint.id }).lean();
    expect(delivery).toMatchObject({ status: 'succeeded', eventType: 'tryon.completed' });
    expect(delivery?.attempts).toHaveLength(1);
    expect(delivery?.attempts[0]).toMatchObject({ statusCode: 200, responseExcerpt: 'ok' });
    expect(delivery?.attempts[0]?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('an endpoint not subscribed to the event type, or paused, gets nothing', async () => {
    const sub = await endpointFor(['payment.completed']);
    const paused = await endpointFor();
    await updateWebhookEndpoint(paused.userId, paused.endpoint.id, { enabled: false });
    for (const who of [sub, paused]) {
      await emitUserEvent({
        userId: who.userId,
        type: 'credits.low',
        id: `credits.low:${who.endpoint.id}`,
        payload: { balance: 9, free_credits: 0, paid_credits: 9, threshold: 10 },
      });
    }
    await drainInline(60_000);
    expect(at(sub.path)).toHaveLength(0);
    expect(at(paused.path)).toHaveLength(0);
    expect(
      await WebhookDelivery.countDocuments({ userId: { $in: [sub.userId, paused.userId] } }),
    ).toBe(0);
  });

  it('receiver 500 then 200: retried with the same webhook-id, both attempts logged, then succeeded', async () => {
    const { userId, path, endpoint } = await endpointFor();
    receiver.respond = (req) =>
      req.path === path && at(path).length === 1
        ? { status: 500, body: 'database down ' + 'x'.repeat(3000) }
        : { status: 200, body: 'ok' };
    await emitUserEvent({
      userId,
      type: 'credits.low',
      id: `credits.low:retry-${endpoint.id}`,
      payload: { balance: 4, free_credits: 0, paid_credits: 4, threshold: 10 },
    });
    await drainInline(60_000);
    receiver.respond = () => ({ status: 200, body: 'ok' });

    const hits = at(path);
    expect(hits).toHaveLength(2);
    expect(hits.every((h) => h.verifyError === undefined)).toBe(true);
    expect(hits[0]!.headers['webhook-id']).toBe(hits[1]!.headers['webhook-id']);
    const delivery = await WebhookDelivery.findOne({ endpointId: endpoint.id }).lean();
    expect(delivery?.status).toBe('succeeded');
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(delivery?.attempts[0]?.error).toBe('HTTP 500');
    expect(delivery?.attempts[0]?.responseExcerpt).toHaveLength(1000);
    expect(delivery?.deliveredAt).toBeInstanceOf(Date);
    expect((await WebhookEndpoint.findById(endpoint.id).lean())?.consecutiveFailures).toBe(0);
  });

  it(`always failing: each delivery fails after all ${RETRY_SCHEDULE_MS.length} attempts; after ${DISABLE_AFTER_FAILED_DELIVERIES} in a row the endpoint is disabled with a reason`, async () => {
    const { userId, path, endpoint } = await endpointFor(['credits.low']);
    receiver.respond = (req) =>
      req.path === path ? { status: 503, body: 'maintenance' } : { status: 200, body: 'ok' };
    for (let i = 0; i < DISABLE_AFTER_FAILED_DELIVERIES - 1; i++) {
      await emitUserEvent({
        userId,
        type: 'credits.low',
        id: `credits.low:fail-${endpoint.id}-${i}`,
        payload: { balance: 1 },
      });
    }
    await drainInline(60_000);
    let ep = await WebhookEndpoint.findById(endpoint.id).lean();
    expect(ep?.enabled).toBe(true);
    expect(ep?.consecutiveFailures).toBe(DISABLE_AFTER_FAILED_DELIVERIES - 1);

    await emitUserEvent({
      userId,
      type: 'credits.low',
      id: `credits.low:fail-${endpoint.id}-last`,
      payload: { balance: 1 },
    });
    await drainInline(60_000);
    receiver.respond = () => ({ status: 200, body: 'ok' });

    const deliveries = await WebhookDelivery.find({ endpointId: endpoint.id }).lean();
    expect(deliveries).toHaveLength(DISABLE_AFTER_FAILED_DELIVERIES);
    for (const d of deliveries) {
      expect(d.status).toBe('failed');
      expect(d.attempts).toHaveLength(RETRY_SCHEDULE_MS.length);
      expect(d.attempts.every((a) => a.statusCode === 503 && a.error === 'HTTP 503')).toBe(true);
      expect(d.failedAt).toBeInstanceOf(Date);
      expect(d.nextAttemptAt).toBeUndefined();
    }
    expect(at(path)).toHaveLength(DISABLE_AFTER_FAILED_DELIVERIES * RETRY_SCHEDULE_MS.length);
    ep = await WebhookEndpoint.findById(endpoint.id).lean();
    expect(ep?.enabled).toBe(false);
    expect(ep?.disabledAt).toBeInstanceOf(Date);
    expect(ep?.disabledReason).toMatch(
      /last 5 deliveries failed after every retry \(last error: HTTP 503\)/,
    );

    // Disabled: new events create nothing. Re-enabled: a fresh count, and delivery resumes.
    await emitUserEvent({
      userId,
      type: 'credits.low',
      id: `credits.low:after-${endpoint.id}`,
      payload: {},
    });
    await drainInline(60_000);
    expect(await WebhookDelivery.countDocuments({ endpointId: endpoint.id })).toBe(
      DISABLE_AFTER_FAILED_DELIVERIES,
    );
    const resumed = await updateWebhookEndpoint(userId, endpoint.id, { enabled: true });
    expect(resumed).toMatchObject({
      enabled: true,
      disabled_reason: null,
      consecutive_failures: 0,
    });
    await emitUserEvent({
      userId,
      type: 'credits.low',
      id: `credits.low:resumed-${endpoint.id}`,
      payload: {},
    });
    await drainInline(60_000);
    expect(
      await WebhookDelivery.countDocuments({ endpointId: endpoint.id, status: 'succeeded' }),
    ).toBe(1);
  });

  it('a replayed event creates no second delivery (unique messageId + endpointId)', async () => {
    const { userId, path, endpoint } = await endpointFor();
    const event = {
      name: USER_EVENT,
      id: `payment.completed:cs_replay_${endpoint.id}`,
      data: {
        userId,
        type: 'payment.completed' as const,
        payload: { payment_id: 'p1', credits: 300 },
        occurredAt: new Date().toISOString(),
      },
    } satisfies OutgoingEvent;
    // The function's own handler, run twice as Inngest would run a replay (steps executed, sends recorded).
    const sent: unknown[] = [];
    const run = () =>
      webhooksFanOut.definition.handler({
        event,
        attempt: 0,
        runner: 'inngest',
        step: {
          run: async (_id, fn) => fn(),
          sleep: async () => undefined,
          sendEvent: async (_id, events) =>
            sent.push(...(Array.isArray(events) ? events : [events])),
        },
      });
    expect(await run()).toMatchObject({ created: 1, dispatched: 1 });
    // Not attempted yet (nothing ran the dispatch), so it is handed out again — under the same event id.
    expect(await run()).toMatchObject({ created: 0, dispatched: 1 });
    expect(new Set(sent.map((e) => (e as { id: string }).id)).size).toBe(1);
    expect(await WebhookDelivery.countDocuments({ endpointId: endpoint.id })).toBe(1);

    // Through the runner, twice: one delivery, one request.
    await sendEvent([{ ...event, id: `${event.id}:live` }]);
    await sendEvent([{ ...event, id: `${event.id}:live` }]);
    await drainInline(60_000);
    const live = await WebhookDelivery.find({
      endpointId: endpoint.id,
      messageId: messageIdForEvent(`${event.id}:live`),
    }).lean();
    expect(live).toHaveLength(1);
    expect(at(path).filter((h) => h.headers['webhook-id'] === live[0]!.messageId)).toHaveLength(1);
  });
});
