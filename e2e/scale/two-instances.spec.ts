import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import mongoose from 'mongoose';
import sharp from 'sharp';
// @ts-expect-error -- plain ESM launchers shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../../scripts/lib/database.mjs';
// @ts-expect-error -- plain ESM launcher
import { startInstance, startInstances } from '../../scripts/lib/instances.mjs';
// @ts-expect-error -- plain ESM launcher
import { ensureProductionBuild } from '../../scripts/lib/next-build.mjs';
// @ts-expect-error -- plain ESM launcher
import { freePort } from '../../scripts/lib/ports.mjs';

/**
 * Two production instances, one database (issue 10): two standalone servers
 * of the production build (`node server.js`, static assets copied as the
 * Dockerfile does) on different ports against one MongoDB-wire server,
 * JOBS_MODE=inline, the local image provider, the shared rate-limit store
 * (RATE_LIMIT_STORE=mongodb), driven at once over HTTP with real API keys and
 * session tokens. Clients have addresses of their own through X-Forwarded-For
 * (TRUSTED_PROXY_HOPS=1, as behind the compose file's proxy).
 *
 * RATE_LIMIT_SCALE=10 lets one shopper submit the 200 try-ons of the spend
 * test (try-on budget 20 → 200 a minute); the rate-limit test then measures
 * the checkout budget (10 → 100 a minute).
 *
 * The crash test points full-outfit try-ons at a "Gemini" that never answers
 * (GEMINI_BASE_URL, a production setting), so a job is provably mid-generation
 * when its instance is SIGKILLed. Production allows no shortened staleness
 * (the sweeper waits 15 minutes): the test moves the job's start back by 20
 * minutes in the database — the time passing, not a different rule — and a
 * live instance's own sweeper tick (every minute) must fail and refund it. The
 * crash comes first and the dead instance is replaced at once (a new process
 * on its port, as an orchestrator does), so the other checks still run on two
 * instances while the sweepers' next tick comes; the refund is checked last.
 */

interface Shopper {
  userId: string;
  apiKey: string;
  sessionToken: string;
}
interface Fixture {
  spender: Shopper;
  limited: Shopper;
  burst: Shopper;
  reader: Shopper;
  crash: Shopper;
}
interface Instance {
  name: string;
  port: number;
  url: string;
  lines: string[];
  pid: number;
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop: (signal?: string) => Promise<unknown>;
  child: { kill: (signal: string) => boolean };
}
interface Job {
  id: string;
  status: string;
  error?: { code: string };
}

const ROOT = process.cwd(); // Playwright runs from the repository root
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const SECRET = 'scale-secret-scale-secret-scale-secret-0123';
/** The checkout budget (10 a minute) × RATE_LIMIT_SCALE. */
const CHECKOUT_BUDGET = 100;
/** lib/rate-limit.int.test.ts: a burst split over two instances on FerretDB stays within 2.8× the budget. */
const FERRETDB_BURST_FACTOR = 2.8;

let db: { uri: string; engine: string; stop: () => Promise<void> };
let dataDir = '';
let uri = '';
let appUrl = '';
let fixture: Fixture;
let a: Instance;
let b: Instance;
/** Every instance started, the killed one included (their logs), in start order. */
const everyInstance: Instance[] = [];
let standalone = '';
const crashState = { jobId: '', before: 0, staleSince: 0 };
let conn: mongoose.Connection;
let images: { user: string; top: string; bottom: string };

// A "Gemini" that accepts each request and never answers.
const hanging = new Set<http.ServerResponse>();
const sockets = new Set<Socket>();
let geminiRequests = 0;
const gemini = http.createServer((req, res) => {
  geminiRequests += 1;
  req.resume();
  hanging.add(res);
});
gemini.on('connection', (s) => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
});

function env(): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: '1',
    MONGODB_URI: uri,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: appUrl,
    APP_URL: appUrl,
    JOBS_MODE: 'inline',
    RATE_LIMIT_STORE: 'mongodb',
    RATE_LIMIT_SCALE: '10',
    TRUSTED_PROXY_HOPS: '1',
    AI_PROVIDER_TOP: 'local',
    AI_PROVIDER_FULL: 'gemini',
    GEMINI_API_KEY: 'scale-test-gemini-key',
    GEMINI_BASE_URL: `http://127.0.0.1:${(gemini.address() as { port: number }).port}`,
    // Debug: the cron tick claims (lib/jobs/inline.ts) are logged at this level only.
    LOG_LEVEL: 'debug',
  };
}

/**
 * One request from client address `client` (through the trusted proxy hop).
 * Bursts spread over a few addresses: each address is a bucket document, and
 * FerretDB finds a bucket by scanning the whole collection (only `_id` reads
 * are pushed down), so one address per request would slow every request.
 */
async function call(
  inst: Instance,
  route: string,
  opts: {
    method?: string;
    apiKey?: string;
    session?: string;
    body?: unknown;
    client?: string;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'x-forwarded-for': opts.client ?? '10.0.0.1' };
  if (opts.apiKey) headers['x-api-key'] = opts.apiKey;
  if (opts.session) {
    headers.cookie = `next-auth.session-token=${opts.session}`;
    headers.origin = appUrl;
  }
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${inst.url}${route}`, {
    method: opts.method ?? 'GET',
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
}

async function balance(inst: Instance, who: Shopper): Promise<number> {
  const res = await call(inst, '/api/v1/credits', { apiKey: who.apiKey });
  expect(res.status).toBe(200);
  return ((await res.json()) as { total_credits: number }).total_credits;
}

async function getJob(inst: Instance, who: Shopper, id: string): Promise<Job> {
  const res = await call(inst, `/api/v1/tryon/${id}`, { apiKey: who.apiKey });
  expect(res.status).toBe(200);
  return (await res.json()) as Job;
}

function fixtureCommand(command: string): string {
  return execFileSync(TSX, ['e2e/scale/fixture.ts', command], {
    cwd: ROOT,
    env: { ...env(), NODE_ENV: 'production' },
    encoding: 'utf8',
  }).trim();
}

function reconcileReport(): { inconsistencies: unknown[]; differences: unknown[] } {
  return JSON.parse(fixtureCommand('reconcile')) as {
    inconsistencies: unknown[];
    differences: unknown[];
  };
}

function logLines(inst: Instance, msg: string): Array<Record<string, string>> {
  return inst.lines.flatMap((l) => {
    if (!l.startsWith('{')) return [];
    try {
      const o = JSON.parse(l) as Record<string, string>;
      return o.msg === msg ? [o] : [];
    } catch {
      return [];
    }
  });
}

async function png(colour: string): Promise<string> {
  return (
    await sharp({ create: { width: 480, height: 640, channels: 3, background: colour } })
      .png()
      .toBuffer()
  ).toString('base64');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  process.stderr.write(
    `[scale] ${await ensureProductionBuild({ distDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })}\n`,
  );
  await new Promise<void>((r) => gemini.listen(0, '127.0.0.1', r));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-scale-db-'));
  db = await startDatabase({ dataDir });
  uri = withDatabase(db.uri, 'trailroom_scale') as string;
  const ports = [await freePort(), await freePort()];
  // Both instances sit behind one address in a deployment (the proxy's).
  appUrl = `http://127.0.0.1:${ports[0]}`;
  execFileSync(TSX, ['scripts/seed.ts'], {
    cwd: ROOT,
    env: { ...env(), NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  fixture = JSON.parse(fixtureCommand('setup')) as Fixture;
  const started = await startInstances({ distDir, count: 2, env: env(), ports });
  [a, b] = started.instances as [Instance, Instance];
  everyInstance.push(a, b);
  standalone = started.standalone as string;
  conn = await mongoose.createConnection(uri).asPromise();
  images = { user: await png('#c08060'), top: await png('#2040c0'), bottom: await png('#208040') };
});

test.afterAll(async () => {
  await Promise.all(everyInstance.map((i) => i.stop().catch(() => undefined)));
  for (const res of hanging) res.destroy();
  for (const s of sockets) s.destroy();
  gemini.close();
  await conn?.close();
  await db?.stop().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('(e1) an instance is SIGKILLed while its try-on waits for the model; it is restarted', async () => {
  test.setTimeout(120_000);
  const { crash } = fixture;
  crashState.before = await balance(b, crash);
  const seen = geminiRequests;
  const res = await call(a, '/api/v1/tryon', {
    method: 'POST',
    apiKey: crash.apiKey,
    body: {
      mode: 'full',
      user_image: images.user,
      top_image: images.top,
      bottom_image: images.bottom,
    },
  });
  expect(res.status).toBe(202);
  crashState.jobId = ((await res.json()) as Job).id;
  // Mid-generation: the model has the request and instance a is waiting for it.
  await expect.poll(() => geminiRequests, { timeout: 60_000 }).toBeGreaterThan(seen);
  expect((await getJob(b, crash, crashState.jobId)).status).toBe('processing');
  expect(await balance(b, crash)).toBe(crashState.before - 2);

  a.child.kill('SIGKILL');
  expect((await a.exited).signal).toBe('SIGKILL');

  // 20 minutes pass (the sweeper's threshold is 15): the job's clock moves, not the rule.
  const past = new Date(Date.now() - 20 * 60 * 1000);
  const moved = await conn
    .collection('tryon_jobs')
    .updateOne(
      { _id: new mongoose.Types.ObjectId(crashState.jobId) },
      { $set: { startedAt: past, queuedAt: past } },
    );
  expect(moved.modifiedCount).toBe(1);
  crashState.staleSince = Date.now();

  // The orchestrator replaces the dead instance (same port, a new process);
  // the refund is checked at the end (e2), after the sweepers' next tick.
  a = (await startInstance({
    standalone,
    env: env(),
    port: a.port,
    name: 'instance-a2',
  })) as Instance;
  everyInstance.push(a);
});

test('(a) 200 concurrent try-ons over two instances against 100 credits: exactly 100 accepted, reconcile clean', async () => {
  test.setTimeout(240_000);
  const { spender } = fixture;
  expect(await balance(a, spender)).toBe(100);
  const body = { mode: 'top', user_image: images.user, top_image: images.top };
  const responses = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      call(i % 2 ? b : a, '/api/v1/tryon', {
        method: 'POST',
        apiKey: spender.apiKey,
        body,
        client: `10.1.0.${i % 20}`,
      }).then(async (res) => ({
        instance: i % 2 ? 'b' : 'a',
        status: res.status,
        body: (await res.json()) as { id?: string; error?: { code: string } },
      })),
    ),
  );
  const accepted = responses.filter((r) => r.status === 202);
  const refused = responses.filter((r) => r.status === 402);
  const other = responses.filter((r) => r.status !== 202 && r.status !== 402);
  expect(other.map((r) => `${r.status} ${r.body.error?.code}`)).toEqual([]);
  expect(accepted).toHaveLength(100);
  expect(refused.every((r) => r.body.error?.code === 'insufficient_credits')).toBe(true);
  // Both instances took part in accepting.
  expect(new Set(accepted.map((r) => r.instance))).toEqual(new Set(['a', 'b']));
  test.info().annotations.push({
    type: 'accepted by instance',
    description: `a ${accepted.filter((r) => r.instance === 'a').length}, b ${accepted.filter((r) => r.instance === 'b').length}`,
  });

  // Every accepted job completes (generated by whichever instance took it).
  const jobs = conn.collection('tryon_jobs');
  const owner = new mongoose.Types.ObjectId(spender.userId);
  await expect
    .poll(() => jobs.countDocuments({ userId: owner, status: { $in: ['queued', 'processing'] } }), {
      timeout: 180_000,
      intervals: [1000],
    })
    .toBe(0);
  expect(await jobs.countDocuments({ userId: owner, status: 'completed' })).toBe(100);

  const ledger = conn.collection('credit_transactions');
  expect(await ledger.countDocuments({ userId: owner, type: 'usage' })).toBe(100);
  expect(await ledger.countDocuments({ userId: owner, type: 'refund' })).toBe(0);
  expect(await balance(b, spender)).toBe(0);
  const report = reconcileReport();
  expect(report.inconsistencies).toEqual([]);
  expect(report.differences).toEqual([]);
});

test('(b) one rate-limit budget shared by both instances', async () => {
  test.setTimeout(120_000);
  // Checkout with an empty body: 400 when the limiter lets it through, 429 when not.
  const checkout = (inst: Instance, who: Shopper, client: string) =>
    call(inst, '/api/v1/billing/checkout', {
      method: 'POST',
      session: who.sessionToken,
      body: {},
      client,
    });

  // Requests that do not overlap are counted exactly: 120 alternating requests,
  // 60 per instance. Per-process buckets would let all 120 through (60 < 100 each).
  const statuses: number[] = [];
  const started = Date.now();
  for (let i = 0; i < 120; i++)
    statuses.push((await checkout(i % 2 ? b : a, fixture.limited, '10.2.0.1')).status);
  // All inside one 60-second window, or a fresh window would rightly allow more.
  expect(Date.now() - started, 'the sequence outlasted the rate-limit window').toBeLessThan(55_000);
  expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
  expect(statuses.filter((s) => s === 400)).toHaveLength(CHECKOUT_BUDGET);
  expect(statuses.slice(CHECKOUT_BUDGET).every((s) => s === 429)).toBe(true);

  // A concurrent burst of 300 (150 per instance): FerretDB's non-atomic $inc
  // lets overlapping updates from different instances overshoot (README "Rate
  // limits across instances"); MongoDB counts it exactly.
  const burst = await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      checkout(i % 2 ? b : a, fixture.burst, `10.3.0.${i % 30}`).then((r) => r.status),
    ),
  );
  expect(burst.filter((s) => s !== 400 && s !== 429)).toEqual([]);
  const allowed = burst.filter((s) => s === 400).length;
  test.info().annotations.push({
    type: 'burst allowed',
    description: `${allowed} of 300 against a budget of ${CHECKOUT_BUDGET} (${db.engine})`,
  });
  process.stderr.write(
    `[scale] rate-limit burst: ${allowed} of 300 allowed, budget ${CHECKOUT_BUDGET} (${db.engine})\n`,
  );
  expect(allowed).toBeGreaterThanOrEqual(CHECKOUT_BUDGET);
  // MongoDB's $inc is atomic; FerretDB (either backend) and an unknown MONGODB_URI get the bound.
  if (db.engine === 'mongodb') expect(allowed).toBe(CHECKOUT_BUDGET);
  else expect(allowed).toBeLessThanOrEqual(CHECKOUT_BUDGET * FERRETDB_BURST_FACTOR);
});

test('(d) a job submitted to one instance is read (status and image) from the other', async () => {
  const { reader } = fixture;
  const res = await call(a, '/api/v1/tryon', {
    method: 'POST',
    apiKey: reader.apiKey,
    body: { mode: 'top', user_image: images.user, top_image: images.bottom },
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as Job;
  await expect
    .poll(async () => (await getJob(b, reader, id)).status, { timeout: 60_000 })
    .toBe('completed');
  const fromB = await call(b, `/api/v1/tryon/${id}/image`, { apiKey: reader.apiKey });
  expect(fromB.status).toBe(200);
  expect(fromB.headers.get('content-type')).toMatch(/^image\//);
  const bytes = Buffer.from(await fromB.arrayBuffer());
  const meta = await sharp(bytes).metadata();
  expect(meta.width).toBeGreaterThan(0);
  const fromA = await call(a, `/api/v1/tryon/${id}/image`, { apiKey: reader.apiKey });
  expect(fromA.status).toBe(200);
  const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
  expect(sha(Buffer.from(await fromA.arrayBuffer()))).toBe(sha(bytes));
});

test('(e2) the killed instance’s job was failed and refunded by a live instance’s sweeper, money exact', async () => {
  test.setTimeout(120_000);
  const { crash } = fixture;
  const id = crashState.jobId;
  expect(id).not.toBe('');
  // The sweepers tick every minute; whichever live instance claims the tick sweeps.
  await expect
    .poll(async () => (await getJob(b, crash, id)).status, { timeout: 90_000, intervals: [1000] })
    .toBe('failed');
  const job = await getJob(a, crash, id);
  expect(job.error?.code).toBe('timeout');
  expect(await balance(b, crash)).toBe(crashState.before);
  const ledger = conn.collection('credit_transactions');
  expect(await ledger.countDocuments({ idempotencyKey: `usage:${id}` })).toBe(1);
  expect(await ledger.countDocuments({ idempotencyKey: `refund:${id}` })).toBe(1);
  const report = reconcileReport();
  expect(report.inconsistencies).toEqual([]);
  expect(report.differences).toEqual([]);
  // A sweep ran on a live instance (b or the replacement) after the job went stale.
  const sweeps = [b, a].flatMap((inst) =>
    logLines(inst, 'inline cron tick claimed').filter(
      (l) => l.fn === 'sweep-stuck-jobs' && Date.parse(l.time ?? '') >= crashState.staleSince,
    ),
  );
  expect(sweeps.length).toBeGreaterThan(0);
  test.info().annotations.push({
    type: 'swept by',
    description: [b, a]
      .filter((inst) =>
        logLines(inst, 'inline cron tick claimed').some(
          (l) => l.fn === 'sweep-stuck-jobs' && Date.parse(l.time ?? '') >= crashState.staleSince,
        ),
      )
      .map((inst) => inst.name)
      .join(', '),
  });
});

test('(c) each inline cron tick runs on exactly one instance', async () => {
  const claimed = everyInstance.flatMap((inst) =>
    logLines(inst, 'inline cron tick claimed').map((l) => ({
      inst: inst.name,
      key: `cron:${l.fn}:${l.tick}`,
    })),
  );
  const elsewhere = everyInstance.flatMap((inst) =>
    logLines(inst, 'inline cron tick claimed by another instance'),
  );
  const keys = claimed.map((c) => c.key);
  // webhooks-retry-due ticks every 15 s and the sweeper every minute: by now several ticks ran.
  expect(keys.length).toBeGreaterThanOrEqual(4);
  // No tick ran twice, on either instance or across both.
  expect(new Set(keys).size).toBe(keys.length);
  // Both timers fired into the same ticks: the claim, not luck, kept them apart.
  expect(elsewhere.length).toBeGreaterThan(0);
  // Every tick that ran holds its claim row in job_claims.
  const rows = await conn
    .collection<{ _id: string }>('job_claims')
    .find({ _id: { $in: keys } })
    .toArray();
  expect(rows.map((r) => r._id).sort()).toEqual([...keys].sort());
  test.info().annotations.push({
    type: 'cron ticks',
    description: `${keys.length} ran (${everyInstance.map((i) => `${i.name} ${claimed.filter((c) => c.inst === i.name).length}`).join(', ')}); ${elsewhere.length} refused as claimed elsewhere`,
  });
});
