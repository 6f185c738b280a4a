import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import sharp from 'sharp';
import { generateApiKey } from '@/lib/apikeys';
import { grantPurchasedCredits } from '@/lib/credits';
import { ApiKey, User } from '@/models';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
// @ts-expect-error -- plain ESM launcher: the standalone server, as the Dockerfile runs it
import { prepareStandalone, startInstance } from '../scripts/lib/instances.mjs';
import { defineSuite } from './suite';

/**
 * `npm run bench http` — the production build under load (autocannon), one
 * route at a time, each compared with /api/health in the same run:
 * landing, pricing, job status, credits, the history list, submit (local
 * provider, 10 connections) and the image read (full and a 320 px thumbnail).
 *
 * The build in BENCH_DIST_DIR (default .next-perfdata) is reused when newer
 * than the sources, else built under /tmp/trailroom-build.lock (E2E_BUILD=
 * always|never as for e2e). The server is the standalone build (`node
 * server.js`, as the Dockerfile runs it); it gets a throw-away embedded database
 * (DB_ENGINE=sqlite|postgresql), the seed, JOBS_MODE=inline and
 * RATE_LIMIT_SCALE high enough that no limit answers 429.
 *
 * Env: BENCH_PORT (3900), HTTP_DURATION seconds per route (10),
 * HTTP_CONNECTIONS (20).
 */

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = process.env.BENCH_DIST_DIR ?? '.next-perfdata';
const DURATION = Number(process.env.HTTP_DURATION ?? 10);
const CONNECTIONS = Number(process.env.HTTP_CONNECTIONS ?? 20);

function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env, cwd: ROOT });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

/** The production build, reused when current (scripts/lib/next-build.mjs), built under the shared lock. */
async function ensureBuild(): Promise<void> {
  const script = `import('./scripts/lib/next-build.mjs').then(async (m) => { process.stderr.write('[bench] ' + (await m.ensureProductionBuild({ distDir: ${JSON.stringify(DIST)}, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })) + '\\n'); }).catch((e) => { console.error(e); process.exit(1); })`;
  // E2E_BUILD=never reuses whatever is there: no need to wait for other builds.
  const code =
    process.env.E2E_BUILD === 'never'
      ? await runCommand(process.execPath, ['-e', script], { ...process.env })
      : await runCommand('flock', ['/tmp/trailroom-build.lock', process.execPath, '-e', script], {
          ...process.env,
        });
  if (code !== 0) throw new Error(`production build failed (exit ${code})`);
}

interface Instance {
  stop: () => Promise<unknown>;
}
let server: Instance | null = null;
let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let dataDir = '';

async function stopAll(): Promise<void> {
  await server?.stop();
  await mongoose.disconnect().catch(() => undefined);
  await db?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Row {
  route: string;
  path: string;
  connections: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Health's req/s ÷ this route's (how many times slower than health). */
  ratioToHealth?: number;
}

function table(rows: Row[]): string {
  const head = ['route', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'ratio to health'];
  const body = rows.map((r) => [
    r.route,
    String(r.connections),
    r.reqPerSec.toFixed(1),
    String(r.p50Ms),
    String(r.p99Ms),
    String(r.non2xx + r.errors),
    r.ratioToHealth === undefined ? '—' : `${r.ratioToHealth.toFixed(2)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function measure(
  route: string,
  urlPath: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
  } = {},
): Promise<Row> {
  const connections = opts.connections ?? CONNECTIONS;
  const common = {
    url: `${BASE}${urlPath}`,
    connections,
    ...(opts.method ? { method: opts.method } : {}),
    ...(opts.headers ? { headers: opts.headers } : {}),
    ...(opts.body ? { body: opts.body } : {}),
  };
  await autocannon({ ...common, duration: 2 }); // warm-up: compile caches, JIT, pools
  const r = await autocannon({ ...common, duration: DURATION });
  const row: Row = {
    route,
    path: urlPath,
    connections,
    reqPerSec: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  console.log(
    `  ${route}: ${row.reqPerSec} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms${row.non2xx + row.errors ? `, ${row.non2xx} non-2xx, ${row.errors} errors` : ''}`,
  );
  return row;
}

async function run(): Promise<{ table: string; results: Row[]; meta: Record<string, unknown> }> {
  await ensureBuild();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-http-'));
  db = (await startDatabase({ dataDir })) as typeof db;
  const mongoUri = withDatabase(db!.uri, 'trailroom_bench_http') as string;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    MONGODB_URI: mongoUri,
    NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    APP_URL: `http://localhost:${PORT}`,
    GOOGLE_CLIENT_ID: 'trailroom-bench.apps.googleusercontent.com',
    GOOGLE_CLIENT_SECRET: 'bench-google-client-secret',
    JOBS_MODE: 'inline',
    RATE_LIMIT_SCALE: '10000',
    LOG_LEVEL: 'error',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST,
  };
  for (const k of [
    'STRIPE_SECRET_KEY',
    'GEMINI_API_KEY',
    'OPENAI_API_KEY',
    'INNGEST_BASE_URL',
    'INNGEST_DEV',
    'DEV_LOGIN_ENABLED',
    'LOCAL_CHECKOUT_ENABLED',
    'LOCAL_PROVIDER_DELAY_MS',
  ])
    delete env[k];
  if ((await runCommand(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/seed.ts'], env)) !== 0)
    throw new Error('seed failed');

  // The caller: a user with an API key and credits, created straight in the database.
  await mongoose.connect(mongoUri, { autoIndex: false });
  const user = await User.create({ email: 'bench-http@trailroom.local', provider: 'dev' });
  const userId = user._id.toString();
  const { key, prefix, keyHash } = generateApiKey();
  await ApiKey.create({ userId, name: 'bench', prefix, keyHash });
  await grantPurchasedCredits({
    userId,
    credits: 1_000_000,
    idempotencyKey: 'purchase:bench-http',
    description: 'bench',
    referenceType: 'payment',
    actor: { type: 'system' },
  });

  // The standalone server (`node server.js`, static assets copied beside it), as deployed.
  server = (await startInstance({
    standalone: prepareStandalone(DIST),
    env,
    port: PORT,
    name: 'bench-http',
  })) as Instance;

  const auth = { 'x-api-key': key };
  const solid = (colour: string) =>
    sharp({ create: { width: 512, height: 683, channels: 3, background: colour } })
      .jpeg({ quality: 85 })
      .toBuffer();
  const [person, garment] = await Promise.all([solid('#c8a27a'), solid('#1f6feb')]);
  const submitBody = JSON.stringify({
    mode: 'top',
    user_image: person.toString('base64'),
    top_image: garment.toString('base64'),
  });
  const jsonAuth = { ...auth, 'content-type': 'application/json' };
  // One completed job to read (the local provider finishes in-process).
  const job = await fetchJson<{ id: string }>(`${BASE}/api/v1/tryon`, {
    method: 'POST',
    headers: jsonAuth,
    body: submitBody,
  });
  for (let i = 0; i < 200; i++) {
    const s = await fetchJson<{ status: string }>(`${BASE}/api/v1/tryon/${job.id}`, {
      headers: auth,
    });
    if (s.status === 'completed') break;
    if (s.status === 'failed') throw new Error('the bench job failed');
    await new Promise((r) => setTimeout(r, 250));
  }

  console.log(`Load: ${CONNECTIONS} connections, ${DURATION} s per route (+2 s warm-up)`);
  const routes: Array<[string, string, Parameters<typeof measure>[2]?]> = [
    ['landing', '/'],
    ['pricing', '/pricing'],
    ['job status', `/api/v1/tryon/${job.id}`, { headers: auth }],
    ['credits', '/api/v1/credits', { headers: auth }],
    ['list', '/api/v1/tryon?limit=20', { headers: auth }],
    [
      'submit (local provider)',
      '/api/v1/tryon',
      { method: 'POST', headers: jsonAuth, body: submitBody, connections: 10 },
    ],
    ['image read', `/api/v1/tryon/${job.id}/image`, { headers: auth }],
    ['image read ?w=320', `/api/v1/tryon/${job.id}/image?w=320`, { headers: auth }],
  ];
  // Health right before each route: on a shared machine the load drifts within minutes, so
  // each ratio compares with the health figure measured next to it.
  const rows: Row[] = [];
  const healths: Row[] = [];
  for (const [route, urlPath, opts] of routes) {
    const health = await measure('health', '/api/health');
    healths.push(health);
    const row = await measure(route, urlPath, opts);
    row.ratioToHealth =
      row.reqPerSec > 0 ? Math.round((health.reqPerSec / row.reqPerSec) * 100) / 100 : undefined;
    rows.push(row);
  }
  const sortedHealth = [...healths].sort((a, b) => a.reqPerSec - b.reqPerSec);
  const medianHealth = sortedHealth[Math.floor(sortedHealth.length / 2)];
  if (medianHealth) rows.unshift({ ...medianHealth, route: 'health (median of its runs)' });
  return {
    table: table(rows),
    results: rows,
    meta: {
      engine: db?.engine,
      distDir: DIST,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      submitBodyBytes: submitBody.length,
      healthRuns: healths.map((h) => h.reqPerSec),
      note: 'ratio to health = req/s of /api/health measured just before the route ÷ the route req/s, same server, same run',
    },
  };
}

export default defineSuite({
  name: 'http',
  manual: true,
  description: 'the production build under autocannon load, each route against /api/health',
  cases: [],
  async run() {
    try {
      return await run();
    } finally {
      await stopAll();
    }
  },
});
