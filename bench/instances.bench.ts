import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
// @ts-expect-error -- plain ESM launchers shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
// @ts-expect-error -- plain ESM launcher
import { startInstances } from '../scripts/lib/instances.mjs';
// @ts-expect-error -- plain ESM launcher
import { ensureProductionBuild } from '../scripts/lib/next-build.mjs';
// @ts-expect-error -- plain ESM launcher
import { freePort } from '../scripts/lib/ports.mjs';
import { defineSuite } from './suite';

/**
 * Requests/s of the job status route (GET /api/v1/tryon/:id with an API key)
 * against one production instance vs two (the standalone server of the build
 * in NEXT_DIST_DIR, default .next, built first when stale; E2E_BUILD=never
 * skips that), both against one database, requests alternated client-side
 * (round-robin). Each run sends REQUESTS requests, CONCURRENCY at a time.
 * Same machine: both instances and this load generator share its CPUs, so
 * two instances cannot be expected to be faster — the ratio says what a
 * second instance costs or gains here, not what it gains on its own machine.
 * Rate limits are scaled out of the way (RATE_LIMIT_SCALE) and kept in memory
 * so that the route, not the limiter, is measured.
 */
const REQUESTS = 200;
const CONCURRENCY = 16;
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const ROOT = process.cwd();
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Instance {
  url: string;
}
let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let dataDir = '';
let stopInstances: () => Promise<void> = async () => {};
let instances: Instance[] = [];
let apiKey = '';
let jobId = '';
let failures = 0;

async function load(targets: Instance[]): Promise<number> {
  let next = 0;
  let ok = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const i = next++;
      const target = targets[i % targets.length] as Instance;
      const res = await fetch(`${target.url}/api/v1/tryon/${jobId}`, {
        headers: { 'x-api-key': apiKey },
      });
      await res.arrayBuffer();
      if (res.status === 200) ok++;
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return ok;
}

export default defineSuite({
  name: 'instances',
  description: `GET /api/v1/tryon/:id, ${REQUESTS} requests ${CONCURRENCY} at a time: one standalone instance vs two (round-robin), one database, one machine`,
  runs: 10,
  warmup: 2,
  opsPerRun: REQUESTS,
  baseline: 'one instance',
  async setup() {
    console.info(
      `[instances] ${await ensureProductionBuild({ distDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })}`,
    );
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-instances-'));
    db = (await startDatabase({ dataDir })) as typeof db;
    const ports: number[] = [await freePort(), await freePort()];
    const appUrl = `http://127.0.0.1:${ports[0]}`;
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXT_TELEMETRY_DISABLED: '1',
      MONGODB_URI: withDatabase(db!.uri, 'trailroom_bench_instances') as string,
      NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      NEXTAUTH_URL: appUrl,
      APP_URL: appUrl,
      JOBS_MODE: 'inline',
      RATE_LIMIT_SCALE: '10000',
      LOG_LEVEL: 'warn',
    };
    const run = (args: string[]) =>
      execFileSync(TSX, args, {
        cwd: ROOT,
        env: { ...env, NODE_ENV: 'production' },
        encoding: 'utf8',
      });
    run(['scripts/seed.ts']);
    const fixture = JSON.parse(run(['e2e/scale/fixture.ts', 'setup']).trim()) as {
      reader: { apiKey: string };
    };
    apiKey = fixture.reader.apiKey;
    const started = await startInstances({ distDir, count: 2, env, ports });
    instances = started.instances as Instance[];
    stopInstances = started.stop;
    const png = async (colour: string) =>
      (
        await sharp({ create: { width: 480, height: 640, channels: 3, background: colour } })
          .png()
          .toBuffer()
      ).toString('base64');
    const first = instances[0] as Instance;
    const res = await fetch(`${first.url}/api/v1/tryon`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({
        mode: 'top',
        user_image: await png('#c08060'),
        top_image: await png('#2040c0'),
      }),
    });
    if (res.status !== 202) throw new Error(`try-on submission answered ${res.status}`);
    jobId = ((await res.json()) as { id: string }).id;
    for (let i = 0; i < 120; i++) {
      const job = (await (
        await fetch(`${first.url}/api/v1/tryon/${jobId}`, { headers: { 'x-api-key': apiKey } })
      ).json()) as { status: string };
      if (job.status === 'completed') break;
      if (job.status === 'failed') throw new Error('the try-on failed');
      await new Promise((r) => setTimeout(r, 500));
    }
  },
  meta: () => ({
    engine: db?.engine,
    requestsPerRun: REQUESTS,
    concurrency: CONCURRENCY,
    cpus: os.cpus().length,
    non200: failures,
  }),
  cases: [
    { name: 'one instance', fn: () => load(instances.slice(0, 1)) },
    { name: 'two instances, round-robin', fn: () => load(instances) },
  ],
  async teardown() {
    await stopInstances();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
});
