import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Local receivers on 127.0.0.1. No WEBHOOK_RETRY_SCALE: the real ~27-hour
// schedule, driven by a controlled clock where it is long.
vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'true';
});

import { emitUserEvent } from '@/lib/events';
import { claimJob, drainInline, runInlineCronTick } from '@/lib/jobs';
import { createUser } from '@/lib/testing/tryon-fixtures';
import {
  attemptDueWebhookDeliveries,
  attemptDueWebhookDelivery,
  createWebhookDeliveries,
  createWebhookEndpoint,
  DISABLE_AFTER_FAILED_DELIVERIES,
  RETRY_SCHEDULE_MS,
} from '@/lib/webhooks';
import { startReceiver, type Receiver } from '@/lib/testing/webhook-receiver';
import { JobClaim } from '@/models/job-claim';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import type { DefinedFunction } from './define';

let receiver: Receiver;
let n = 0;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await drainInline(60_000);
  await receiver.close();
});

async function endpointFor() {
  const userId = await createUser();
  const path = `/durable-${++n}`;
  const endpoint = await createWebhookEndpoint(userId, {
    url: receiver.url(path),
    events: ['credits.low'],
  });
  receiver.secrets.set(path, endpoint.secret);
  return { userId, path, endpointId: endpoint.id };
}
const at = (path: string) => receiver.received.filter((r) => r.path === path);
const claimTick = (key: string, tickAt: Date) => claimJob(key, 'cron_tick', { now: tickAt });
const sec = (ms: number) => Math.round(ms / 1000);

/** A fresh process: the inline runner's memory and every module loaded anew. */
async function restart() {
  await drainInline(60_000);
  delete (globalThis as { __trailroomInline?: unknown }).__trailroomInline;
  vi.resetModules();
  const jobs = await import('@/lib/jobs');
  const { functions } = await import('./functions');
  const cron = functions.find((f) => f.definition.id === 'webhooks-retry-due')!;
  return {
    tick: (now: Date) => jobs.runInlineCronTick(cron, functions, { claimTick, now }),
  };
}

describe('inline webhook delivery keeps its schedule in the database', () => {
  const failing = { path: '', deliveryId: '' };

  it('a failing endpoint is retried on the real schedule: attempt 2 after 5 s, attempt 3 due 5 min later (not seconds)', async () => {
    const { userId, path, endpointId } = await endpointFor();
    receiver.respond = (req) =>
      req.path === path ? { status: 503, body: 'down' } : { status: 200, body: 'ok' };
    await emitUserEvent({
      userId,
      type: 'credits.low',
      id: `credits.low:durable-${endpointId}`,
      payload: { balance: 3 },
    });
    await drainInline(30_000); // the 5 s wait is slept in process; the 5 min one is not

    expect(at(path)).toHaveLength(2);
    const d = (await WebhookDelivery.findOne({ endpointId }).lean())!;
    expect(d.status).toBe('pending');
    expect(d.attempts.map((a) => a.statusCode)).toEqual([503, 503]);
    const [a1, a2] = d.attempts.map((a) => a.at.getTime());
    expect(a2! - a1!).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[1]! - 50);
    expect(d.nextAttemptAt!.getTime() - a2!).toBe(RETRY_SCHEDULE_MS[2]); // 5 minutes
    failing.path = path;
    failing.deliveryId = d._id.toString();
  });

  it('after a restart, the cron picks the attempt up when it is due — not before', async () => {
    const { path, deliveryId } = failing;
    receiver.respond = () => ({ status: 200, body: 'ok' });
    const proc = await restart();
    const due = (await WebhookDelivery.findById(deliveryId).lean())!.nextAttemptAt!;

    expect(await proc.tick(new Date(due.getTime() - 20_000))).toBe(true);
    expect(at(path)).toHaveLength(2); // not due yet

    // Due now: the schedule is moved back rather than the clock forward, because the
    // attempt is signed with the real time and receivers refuse timestamps > 5 min ahead.
    await WebhookDelivery.updateOne(
      { _id: deliveryId },
      { $set: { nextAttemptAt: new Date(Date.now() - 1_000) } },
    );
    expect(await proc.tick(new Date())).toBe(true);
    expect(at(path)).toHaveLength(3);
    expect(at(path).every((h) => h.verifyError === undefined)).toBe(true);
    const d = (await WebhookDelivery.findById(deliveryId).lean())!;
    expect(d.status).toBe('succeeded');
    expect(d.attempts.map((a) => a.statusCode)).toEqual([503, 503, 200]);
    expect(d.nextAttemptAt).toBeUndefined();
  });

  it('a delivery created but never dispatched (crash) is sent by the next sweep; racing sweeps send it once', async () => {
    const { userId, path, endpointId } = await endpointFor();
    receiver.respond = () => ({ status: 200, body: 'ok', delayMs: 100 });
    const { toDispatch } = await createWebhookDeliveries({
      userId,
      type: 'credits.low',
      payload: { balance: 2 },
      occurredAt: new Date().toISOString(),
      eventId: `credits.low:crash-${endpointId}`,
    });
    expect(toDispatch).toHaveLength(1);
    const id = toDispatch[0]!.deliveryId;

    const results = await Promise.all([
      attemptDueWebhookDeliveries(),
      attemptDueWebhookDeliveries(),
      attemptDueWebhookDelivery(id),
      attemptDueWebhookDelivery(id),
    ]);
    receiver.respond = () => ({ status: 200, body: 'ok' });
    expect(at(path)).toHaveLength(1);
    const d = (await WebhookDelivery.findById(id).lean())!;
    expect(d.status).toBe('succeeded');
    expect(d.attempts).toHaveLength(1);
    const made = results.filter((r) => ('attempted' in r ? r.attempted > 0 : r.attempt === 1));
    expect(made).toHaveLength(1);
  });

  it('a cron tick runs once across instances: concurrent ticks of one interval run it once, the next interval again', async () => {
    const runs: string[] = [];
    const fn = {
      definition: {
        id: `tick-probe-${Date.now()}`,
        trigger: { cron: '* * * * *' },
        retries: 0,
        inlineIntervalMs: 15_000,
        handler: async ({ event }: { event: { id?: string } }) => {
          runs.push(event.id ?? '');
          await new Promise((r) => setTimeout(r, 50));
        },
      },
      fn: {},
    } as unknown as DefinedFunction<never, unknown>;
    const t0 = new Date(Math.ceil(Date.now() / 15_000) * 15_000 + 1_000);
    const ran = await Promise.all(
      [0, 3_000, 7_000, 13_000].map((dt) =>
        runInlineCronTick(fn, [fn], { claimTick, now: new Date(t0.getTime() + dt) }),
      ),
    );
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(runs).toEqual([
      `cron:${fn.definition.id}:${new Date(t0.getTime() - 1_000).toISOString()}`,
    ]);
    expect(
      await runInlineCronTick(fn, [fn], { claimTick, now: new Date(t0.getTime() + 15_000) }),
    ).toBe(true);
    expect(runs).toHaveLength(2);
    expect(await JobClaim.countDocuments({ _id: new RegExp(`^cron:${fn.definition.id}:`) })).toBe(
      2,
    );
  });

  it(`on the real schedule (controlled clock) a delivery fails after ${RETRY_SCHEDULE_MS.length} attempts over ~27.6 h; the endpoint is disabled only after ${DISABLE_AFTER_FAILED_DELIVERIES} such deliveries`, async () => {
    const { userId, path, endpointId } = await endpointFor();
    receiver.respond = (req) =>
      req.path === path ? { status: 503, body: 'maintenance' } : { status: 200, body: 'ok' };
    const fanOut = (i: number) =>
      createWebhookDeliveries({
        userId,
        type: 'credits.low',
        payload: { balance: 1 },
        occurredAt: new Date().toISOString(),
        eventId: `credits.low:schedule-${endpointId}-${i}`,
      });
    /** Moves the clock from due time to due time, sweeping each, until nothing is pending. */
    const runSchedule = async () => {
      for (let guard = 0; guard < 100; guard++) {
        const next = await WebhookDelivery.findOne({ endpointId, status: 'pending' })
          .sort({ nextAttemptAt: 1 })
          .lean();
        if (!next) return;
        await attemptDueWebhookDeliveries({ now: next.nextAttemptAt! });
      }
      throw new Error('schedule did not finish');
    };

    for (let i = 0; i < DISABLE_AFTER_FAILED_DELIVERIES - 1; i++) await fanOut(i);
    await runSchedule();
    let ep = (await WebhookEndpoint.findById(endpointId).lean())!;
    expect(ep.enabled).toBe(true);
    expect(ep.consecutiveFailures).toBe(DISABLE_AFTER_FAILED_DELIVERIES - 1);

    await fanOut(99);
    await runSchedule();
    ep = (await WebhookEndpoint.findById(endpointId).lean())!;
    expect(ep.enabled).toBe(false);
    expect(ep.disabledReason).toMatch(/last 5 deliveries failed after every retry/);

    const total = RETRY_SCHEDULE_MS.reduce((s, ms) => s + ms, 0);
    const deliveries = await WebhookDelivery.find({ endpointId }).lean();
    expect(deliveries).toHaveLength(DISABLE_AFTER_FAILED_DELIVERIES);
    for (const d of deliveries) {
      expect(d.status).toBe('failed');
      const times = d.attempts.map((a) => a.at.getTime());
      expect(times).toHaveLength(RETRY_SCHEDULE_MS.length);
      // Each wait exactly as scheduled: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
      expect(times.slice(1).map((t, i) => sec(t - times[i]!))).toEqual(
        RETRY_SCHEDULE_MS.slice(1).map(sec),
      );
      expect(times.at(-1)! - times[0]!).toBe(total);
    }
    expect(total).toBeGreaterThan(27 * 3_600_000);
    expect(at(path)).toHaveLength(DISABLE_AFTER_FAILED_DELIVERIES * RETRY_SCHEDULE_MS.length);
  });
});
