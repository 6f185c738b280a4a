import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '@/lib/testing/tryon-fixtures';
import { startReceiver, type Receiver } from '@/lib/testing/webhook-receiver';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';

/**
 * /api/inngest is where an Inngest server runs our functions. A request that
 * is not signed with our signing key must run nothing — in Cloud and in
 * self-hosted configuration alike, whatever INNGEST_DEV says when it says
 * "off". The observable effect: a forged run of `webhooks-deliver` would POST
 * the delivery to its receiver and log an attempt; the receiver must see
 * nothing. A correctly signed run (the SDK's scheme: HMAC-SHA256 of the body
 * then the timestamp, keyed with the signing key without its `signkey-*-`
 * prefix) does deliver, so the refusals are not vacuous.
 */

const SIGNING_KEY = `signkey-prod-${randomBytes(32).toString('hex')}`;
const WRONG_KEY = `signkey-prod-${randomBytes(32).toString('hex')}`;
const FN_ID = 'trailroom-webhooks-deliver';

type Config = Record<string, string | undefined>;
const CLOUD: Config = {
  INNGEST_SIGNING_KEY: SIGNING_KEY,
  INNGEST_EVENT_KEY: 'test-event-key',
  INNGEST_BASE_URL: undefined,
  INNGEST_DEV: undefined,
  JOBS_MODE: undefined,
};
const CONFIGS: Array<[string, Config]> = [
  ['cloud', CLOUD],
  // A real Inngest dev-server flag that means "off" must not turn checks off.
  ['cloud, INNGEST_DEV=0', { ...CLOUD, INNGEST_DEV: '0' }],
  ['cloud, INNGEST_DEV=false', { ...CLOUD, INNGEST_DEV: 'false' }],
  // "no" is off for lib/env; the SDK on its own would read it as a dev-server URL (http://no/).
  ['cloud, INNGEST_DEV=no', { ...CLOUD, INNGEST_DEV: 'no' }],
  ['self-hosted', { ...CLOUD, INNGEST_BASE_URL: 'http://127.0.0.1:8288' }],
];

let receiver: Receiver;
let n = 0;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The route module as a fresh server process with this environment would load it. */
async function loadRoute(config: Config) {
  vi.resetModules();
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE_URLS', 'true');
  for (const [k, v] of Object.entries(config)) vi.stubEnv(k, v);
  const env = await import('@/lib/env');
  const route = await import('./route');
  return { route, mode: env.inngestMode };
}

/** A pending delivery to its own receiver path: what a forged run would send. */
async function pendingDelivery() {
  const userId = await createUser();
  const path = `/forged-${++n}`;
  const endpoint = await WebhookEndpoint.create({
    userId,
    url: receiver.url(path),
    secret: `whsec_${randomBytes(24).toString('base64')}`,
    events: ['payment.completed'],
    enabled: true,
  });
  const delivery = await WebhookDelivery.create({
    endpointId: endpoint._id,
    userId,
    messageId: `msg_${randomBytes(16).toString('hex')}`,
    eventType: 'payment.completed',
    payload: { type: 'payment.completed', data: { payment_id: 'forged', credits: 1_000_000 } },
    status: 'pending',
    nextAttemptAt: new Date(),
  });
  return { path, deliveryId: delivery._id.toString(), endpointId: endpoint._id.toString(), userId };
}

/** JSON with sorted keys: the SDK verifies the canonical form (RFC 8785) of the body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sign(body: string, key: string, ts = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', key.replace(/^signkey-\w+-/, ''))
    .update(body + String(ts))
    .digest('hex');
  return `t=${ts}&s=${mac}`;
}

/** A function-run call shaped like the one an Inngest server makes. */
function runRequest(d: Awaited<ReturnType<typeof pendingDelivery>>, signature?: string) {
  const event = {
    name: 'webhook/delivery.requested',
    id: `webhook.deliver:${d.deliveryId}`,
    data: { deliveryId: d.deliveryId, endpointId: d.endpointId, userId: d.userId },
    ts: Date.now(),
  };
  const body = canonical({
    event,
    events: [event],
    steps: {},
    version: 1,
    ctx: {
      run_id: `01J${randomBytes(12).toString('hex').toUpperCase()}`,
      fn_id: FN_ID,
      attempt: 0,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: [], current: 0 },
    },
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-inngest-server-kind': 'cloud',
  };
  const sig = signature === undefined ? undefined : signature || sign(body, SIGNING_KEY);
  if (sig) headers['x-inngest-signature'] = sig;
  return { body, headers, url: `http://localhost:3000/api/inngest?fnId=${FN_ID}&stepId=step` };
}

async function post(
  route: Awaited<ReturnType<typeof loadRoute>>['route'],
  req: ReturnType<typeof runRequest>,
  headers: Record<string, string> = {},
) {
  const res = await route.POST(
    new Request(req.url, {
      method: 'POST',
      headers: { ...req.headers, ...headers },
      body: req.body,
    }) as never,
    undefined as never,
  );
  return res as Response;
}

async function nothingRan(d: Awaited<ReturnType<typeof pendingDelivery>>) {
  // Give a run that should not exist time to reach the receiver.
  await new Promise((r) => setTimeout(r, 200));
  expect(receiver.received.filter((r) => r.path === d.path)).toHaveLength(0);
  const row = await WebhookDelivery.findById(d.deliveryId).lean();
  expect(row?.status).toBe('pending');
  expect(row?.attempts).toHaveLength(0);
}

describe.each(CONFIGS)('/api/inngest in %s configuration', (_name, config) => {
  it('refuses an unsigned and a wrongly signed run with 401 and runs nothing; a signed one runs', async () => {
    const { route, mode } = await loadRoute(config);

    const unsigned = await pendingDelivery();
    const res1 = await post(route, runRequest(unsigned));
    expect(res1.status).toBe(401);
    await nothingRan(unsigned);

    const forged = await pendingDelivery();
    const req = runRequest(forged);
    const res2 = await post(route, req, { 'x-inngest-signature': sign(req.body, WRONG_KEY) });
    expect(res2.status).toBe(401);
    await nothingRan(forged);

    // The right signature over a different body (a replayed signature) is refused too.
    const tampered = await pendingDelivery();
    const other = runRequest(forged, '');
    const res3 = await post(route, runRequest(tampered), {
      'x-inngest-signature': other.headers['x-inngest-signature']!,
    });
    expect(res3.status).toBe(401);
    await nothingRan(tampered);

    const signed = await pendingDelivery();
    const res4 = await post(route, runRequest(signed, ''));
    expect(res4.status).toBe(206); // the first step ran and reported back
    expect(receiver.received.filter((r) => r.path === signed.path)).toHaveLength(1);
    const row = await WebhookDelivery.findById(signed.deliveryId).lean();
    expect(row?.status).toBe('succeeded');
    expect(mode).toBe(config.INNGEST_BASE_URL ? 'self-hosted' : 'cloud');
  });
});

describe('/api/inngest in inline mode', () => {
  it('serves no function at all (404), even with INNGEST_DEV=no, which the SDK alone reads as dev mode', async () => {
    const { route, mode } = await loadRoute({
      INNGEST_SIGNING_KEY: undefined,
      INNGEST_EVENT_KEY: undefined,
      INNGEST_BASE_URL: undefined,
      INNGEST_DEV: 'no',
      JOBS_MODE: undefined,
    });
    const d = await pendingDelivery();
    const res = await post(route, runRequest(d));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    await nothingRan(d);
    expect(mode).toBe('inline');
  });
});
