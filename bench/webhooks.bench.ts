import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import {
  attemptWebhookDelivery,
  buildWebhookEnvelope,
  createWebhookDeliveries,
  createWebhookEndpoint,
  signWebhook,
} from '@/lib/webhooks';
import { startReceiver, type Receiver } from '@/lib/testing/webhook-receiver';
import { createUser } from '@/lib/testing/tryon-fixtures';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
import { defineSuite } from './suite';

/**
 * One webhook delivery attempt as the deliver function runs it — read the
 * delivery and its endpoint, check the address again (guarded DNS lookup),
 * sign with the Standard Webhooks library, POST with a deadline, log the
 * attempt — against a bare `fetch` POST of a body of the same size to the
 * same local receiver. The ratio is the price of the bookkeeping and the
 * safety checks around the HTTP request. Deliveries are created untimed
 * (one fan-out per run, for a fresh pending delivery).
 */
let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let dataDir = '';
let receiver: Receiver | null = null;
let userId = '';
let secret = '';
let bodyForFetch = '';
const pending: string[] = [];
let seq = 0;

const payload = {
  id: '6b0255289da74655ac89f7d0',
  status: 'completed',
  mode: 'top',
  credits_used: 1,
  output_image_url: 'https://trailroom.example/api/v1/tryon/6b0255289da74655ac89f7d0/image',
};

async function nextDelivery(): Promise<void> {
  seq += 1;
  const { toDispatch } = await createWebhookDeliveries({
    eventId: `bench:${seq}`,
    userId,
    type: 'tryon.completed',
    payload,
    occurredAt: new Date().toISOString(),
  });
  for (const t of toDispatch) pending.push(t.deliveryId);
}

export default defineSuite({
  name: 'webhooks',
  description: 'attemptWebhookDelivery vs a bare fetch POST to the same local receiver',
  runs: 30,
  warmup: 5,
  baseline: 'fetch POST (bare)',
  async setup() {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-db-'));
    db = (await startDatabase({ dataDir })) as typeof db;
    await mongoose.connect(withDatabase(db!.uri, 'trailroom_bench_webhooks') as string);
    receiver = await startReceiver();
    userId = await createUser('bench-webhooks@trailroom.local');
    const endpoint = await createWebhookEndpoint(userId, {
      url: receiver.url('/hook'),
      events: ['tryon.completed'],
    });
    secret = endpoint.secret;
    bodyForFetch = JSON.stringify(
      buildWebhookEnvelope({
        type: 'tryon.completed',
        occurredAt: new Date().toISOString(),
        data: payload,
      }),
    );
    await nextDelivery();
  },
  async teardown() {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await receiver?.close();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
  meta: () => ({ engine: db?.engine, bodyBytes: bodyForFetch.length }),
  cases: [
    {
      name: 'fetch POST (bare)',
      fn: async () => {
        const res = await fetch(receiver!.url('/hook'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bodyForFetch,
        });
        return res.text();
      },
    },
    {
      name: 'signWebhook (Standard Webhooks)',
      fn: () =>
        signWebhook({
          secrets: [secret],
          messageId: 'msg_bench',
          timestamp: new Date(),
          body: bodyForFetch,
        }),
    },
    {
      name: 'attemptWebhookDelivery (one attempt, logged)',
      fn: async () => {
        const id = pending.shift();
        if (!id) throw new Error('no pending delivery');
        const outcome = await attemptWebhookDelivery(id, { nextDelayMs: 5_000 });
        if (outcome.status !== 'succeeded') throw new Error(`delivery ${outcome.status}`);
        return outcome;
      },
      settle: nextDelivery,
    },
  ],
});
