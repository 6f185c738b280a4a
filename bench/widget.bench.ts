import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
// @ts-expect-error -- plain ESM launcher: the standalone server, as the Dockerfile runs it
import { prepareStandalone, startInstance } from '../scripts/lib/instances.mjs';
import { demoStoreKey, startDemoStore } from '../scripts/lib/demo-store.mjs';
import { EMBED_BUDGET_BYTES, EMBED_OUTPUT } from '../scripts/build-embed.mjs';
import { defineSuite, summarize, type CaseResult } from './suite';

/**
 * `npm run bench widget` — the storefront widget on the production build: public/embed.js
 * size (raw, gzip level 9, and as the standalone server sends it), and the time from a click
 * on the demo shop's "Try it on" to the dialog saying it is ready (`trailroom:ready`, seen
 * by embed.js), in Chromium:
 *
 *   - cold: a fresh browser context per run (no cache: the dialog page, its JS and CSS load);
 *   - warm: the same page, closed and opened again;
 *   - baseline, measured in the same run and the same fresh contexts: a click that inserts a
 *     cross-origin iframe of the app's smallest document (/robots.txt) and waits for its load —
 *     the floor any framed dialog pays. Ratio = dialog ready ÷ that.
 *
 * Cases are interleaved run by run. The build in BENCH_DIST_DIR (default .next-embed) is
 * reused when newer than the sources, else built under /tmp/trailroom-build.lock (E2E_BUILD=
 * never reuses whatever is there). Env: BENCH_WIDGET_PORT (3690; the demo shop on +1),
 * BENCH_RUNS (15).
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PORT = Number(process.env.BENCH_WIDGET_PORT ?? 3690);
const DEMO_PORT = PORT + 1;
const APP = `http://127.0.0.1:${PORT}`;
const SHOP = `http://localhost:${DEMO_PORT}`;
const DIST = process.env.BENCH_DIST_DIR ?? '.next-embed';
const SECRET = 'bench-secret-bench-secret-bench-secret';

function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env, cwd: ROOT });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

async function ensureBuild(): Promise<void> {
  const script = `import('./scripts/lib/next-build.mjs').then(async (m) => { process.stderr.write('[bench] ' + (await m.ensureProductionBuild({ distDir: ${JSON.stringify(DIST)}, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })) + '\\n'); }).catch((e) => { console.error(e); process.exit(1); })`;
  const code =
    process.env.E2E_BUILD === 'never'
      ? await runCommand(process.execPath, ['-e', script], { ...process.env })
      : await runCommand('flock', ['/tmp/trailroom-build.lock', process.execPath, '-e', script], {
          ...process.env,
        });
  if (code !== 0) throw new Error(`production build failed (exit ${code})`);
}

function executablePath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

interface Stoppable {
  stop: () => Promise<unknown>;
}

/** Click → ready, in ms, measured inside the page with performance.now(). */
const MEASURE_DIALOG = `new Promise((resolve) => {
  const button = document.querySelector('[data-trailroom-sku]');
  let t0 = 0;
  const observer = new MutationObserver(() => {
    const host = document.querySelector('trailroom-dialog');
    const status = host && host.shadowRoot && host.shadowRoot.querySelector('.status');
    if (status && status.hidden) { observer.disconnect(); resolve(performance.now() - t0); }
    else if (host && host.shadowRoot && !host.__watched) {
      host.__watched = true;
      observer.observe(host.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
    }
  });
  observer.observe(document.body, { childList: true });
  t0 = performance.now();
  button.click();
})`;

const MEASURE_BASELINE = `new Promise((resolve) => {
  const frame = document.createElement('iframe');
  frame.title = 'baseline';
  const t0 = performance.now();
  frame.addEventListener('load', () => { resolve(performance.now() - t0); frame.remove(); });
  frame.src = ${JSON.stringify(`${APP}/robots.txt`)};
  document.body.appendChild(frame);
})`;

async function run(): Promise<{
  table: string;
  results: unknown[];
  meta: Record<string, unknown>;
}> {
  const stops: Stoppable[] = [];
  let browser: Browser | null = null;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-widget-'));
  try {
    await ensureBuild();
    const db = (await startDatabase({ dataDir })) as Stoppable & { uri: string };
    stops.push(db);
    const key = demoStoreKey(SECRET) as string;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      MONGODB_URI: withDatabase(db.uri, 'trailroom_bench_widget') as string,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: APP,
      APP_URL: APP,
      GOOGLE_CLIENT_ID: 'trailroom-bench.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'bench-google-client-secret',
      JOBS_MODE: 'inline',
      RATE_LIMIT_SCALE: '10000',
      LOG_LEVEL: 'error',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DIST,
    };
    for (const k of ['STRIPE_SECRET_KEY', 'DEV_LOGIN_ENABLED', 'LOCAL_CHECKOUT_ENABLED'])
      delete env[k];
    const seeded = await runCommand(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/seed.ts'], {
      ...env,
      DEMO_STORE_KEY: key,
      DEMO_STORE_ORIGINS: SHOP,
    });
    if (seeded !== 0) throw new Error('seed failed');
    stops.push(
      (await startInstance({
        standalone: prepareStandalone(DIST),
        env,
        port: PORT,
        name: 'bench-widget',
      })) as Stoppable,
    );
    stops.push(
      (await startDemoStore({ port: DEMO_PORT, appUrl: APP, publishableKey: key })) as Stoppable,
    );

    // Sizes: the file, gzip level 9, and what the server sends to a browser asking for gzip.
    const file = readFileSync(EMBED_OUTPUT);
    // node:http, not fetch: fetch would decompress and hide the bytes on the wire.
    const served = await new Promise<{ bytes: number; encoding: string; cacheControl: string }>(
      (resolve, reject) => {
        get(`${APP}/embed.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () =>
            resolve({
              bytes,
              encoding: String(res.headers['content-encoding'] ?? 'identity'),
              cacheControl: String(res.headers['cache-control'] ?? ''),
            }),
          );
        }).on('error', reject);
      },
    );
    const sizes = {
      rawBytes: file.length,
      gzipBytes: gzipSync(file, { level: 9 }).length,
      budgetBytes: EMBED_BUDGET_BYTES,
      servedEncoding: served.encoding,
      servedBytes: served.bytes,
      cacheControl: served.cacheControl,
    };

    browser = await chromium.launch({
      executablePath: executablePath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = `${SHOP}/products/tee.html`;
    const open = async () => {
      const context = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
      const p = await context.newPage();
      await p.goto(page);
      await p.waitForFunction(() => 'TrailRoom' in window);
      return { context, p };
    };
    const runs = Number(process.env.BENCH_RUNS) || 15;
    const samples: Record<string, number[]> = { cold: [], warm: [], baseline: [] };
    for (let i = 0; i < runs + 2; i++) {
      // Fresh contexts for the cold figures; the first two runs are warm-up, not recorded.
      const a = await open();
      const base = (await a.p.evaluate(MEASURE_BASELINE)) as number;
      await a.context.close();
      const b = await open();
      const cold = (await b.p.evaluate(MEASURE_DIALOG)) as number;
      await b.p.evaluate(() =>
        (window as unknown as { TrailRoom: { close(): void } }).TrailRoom.close(),
      );
      const warm = (await b.p.evaluate(MEASURE_DIALOG)) as number;
      await b.context.close();
      if (i < 2) continue;
      samples.baseline!.push(base);
      samples.cold!.push(cold);
      samples.warm!.push(warm);
    }
    const baseline = summarize(
      'baseline: empty cross-origin iframe load (cold)',
      samples.baseline!,
    );
    const rows: CaseResult[] = [
      baseline,
      {
        ...summarize('click → dialog ready (cold context)', samples.cold!),
        vs: baseline.name,
      },
      { ...summarize('click → dialog ready (warm, reopened)', samples.warm!), vs: baseline.name },
    ].map((r) =>
      r.vs ? { ...r, ratio: Math.round((r.medianMs / baseline.medianMs) * 100) / 100 } : r,
    );
    const lines = [
      `public/embed.js: ${sizes.rawBytes} bytes, ${sizes.gzipBytes} bytes gzip (budget ${sizes.budgetBytes}); served ${sizes.servedBytes} bytes ${sizes.servedEncoding}, cache-control: ${sizes.cacheControl}`,
      '',
      ['case', 'median ms', 'p90 ms', 'min ms', 'runs', 'ratio'].join('  '),
      ...rows.map((r) =>
        [
          r.name,
          r.medianMs.toFixed(1),
          r.p90Ms.toFixed(1),
          r.minMs.toFixed(1),
          String(r.runs),
          r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
        ].join('  '),
      ),
    ];
    return {
      table: lines.join('\n'),
      results: rows,
      meta: { embed: sizes, distDir: DIST, app: APP, shop: SHOP, runs },
    };
  } finally {
    await browser?.close().catch(() => undefined);
    for (const s of stops.reverse()) await s.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default defineSuite({
  name: 'widget',
  manual: true,
  description:
    'storefront widget: embed.js size, click → dialog ready on the production build (Chromium), vs an empty iframe load',
  cases: [],
  run,
});
