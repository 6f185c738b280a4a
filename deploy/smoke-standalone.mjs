#!/usr/bin/env node
// Smoke test of the deployable artefact: the Next.js standalone server
// (`output: 'standalone'`), started the way the Dockerfile starts it
// (`node server.js`, NODE_ENV=production), against a real MongoDB-wire
// database (scripts/lib/database.mjs: mongodb-memory-server or FerretDB) and
// a local OTLP/HTTP receiver standing in for a trace collector.
//
//   node deploy/smoke-standalone.mjs            # builds into .next-deploy when stale
//   NEXT_DIST_DIR=.next-x E2E_BUILD=never node deploy/smoke-standalone.mjs
//
// Checks: static assets copied beside the server (as the Dockerfile does);
// /api/ready answers 200; the home page renders and its scripts load; an API
// route answers with the error envelope and an x-request-id; that request id
// reaches the collector as a span attribute; sharp loads from the standalone
// node_modules and resizes an image. Exits non-zero on the first failure.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
import { prepareStandalone } from '../scripts/lib/instances.mjs';
import { ensureProductionBuild } from '../scripts/lib/next-build.mjs';
import { freePort, waitForPort } from '../scripts/lib/ports.mjs';
import { ROOT } from '../scripts/lib/tools.mjs';

const distDir = process.env.NEXT_DIST_DIR ?? '.next-deploy';
const log = (msg) => process.stderr.write(`[smoke] ${msg}\n`);

let server;
let db;
let collector;
let dataDir;
const cleanups = [];

async function stop() {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  collector?.close();
  await db?.stop().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  for (const c of cleanups) c();
}

function check(cond, what) {
  if (!cond) throw new Error(`FAILED: ${what}`);
  log(`ok  ${what}`);
}

// --- a tiny OTLP/HTTP collector (JSON) ----------------------------------------
const spans = [];
function startCollector(port) {
  const srv = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        try {
          const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          for (const rs of doc.resourceSpans ?? [])
            for (const ss of rs.scopeSpans ?? [])
              for (const s of ss.spans ?? [])
                spans.push({
                  name: s.name,
                  attributes: Object.fromEntries(
                    (s.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]),
                  ),
                });
        } catch {
          // not JSON (protobuf): counted as nothing
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => srv.listen(port, '127.0.0.1', () => resolve(srv)));
}

try {
  log(
    await ensureProductionBuild({
      distDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    }),
  );
  check(
    existsSync(path.join(ROOT, distDir, 'standalone', 'server.js')),
    `${distDir}/standalone/server.js exists`,
  );
  // What the Dockerfile does: static assets (and public/, when there is one) beside the server.
  const standalone = prepareStandalone(distDir);

  // sharp from the traced node_modules, with its native binary.
  const requireStandalone = createRequire(path.join(standalone, 'server.js'));
  const sharpPath = requireStandalone.resolve('sharp');
  check(sharpPath.startsWith(standalone), `sharp is in the standalone node_modules`);
  const sharp = requireStandalone('sharp');
  const png = await sharp({
    create: { width: 40, height: 20, channels: 3, background: '#336699' },
  })
    .png()
    .toBuffer();
  // metadata() describes the input; the resized output's size is in toBuffer's info.
  const { info } = await sharp(png).resize(10).toBuffer({ resolveWithObject: true });
  check(info.width === 10 && info.height === 5, 'sharp resizes an image in the standalone output');

  dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-smoke-db-'));
  db = await startDatabase({ dataDir });
  log(`database: ${db.engine}`);
  const collectorPort = await freePort();
  collector = await startCollector(collectorPort);

  const port = Number(process.env.SMOKE_PORT ?? (await freePort()));
  const appUrl = `http://localhost:${port}`;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    MONGODB_URI: withDatabase(db.uri, 'trailroom_smoke'),
    JOBS_MODE: 'inline',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
    OTEL_SERVICE_NAME: 'trailroom-smoke',
  };
  server = spawn(process.execPath, ['server.js'], { cwd: standalone, env, stdio: 'inherit' });
  await waitForPort(port, { timeoutMs: 60_000, child: server });

  let ready;
  for (let i = 0; i < 60; i++) {
    ready = await fetch(`${appUrl}/api/ready`).catch(() => null);
    if (ready?.status === 200) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  check(ready?.status === 200, '/api/ready answers 200');
  check((await ready.json()).status === 'ready', '/api/ready says ready');

  const home = await fetch(`${appUrl}/`);
  const html = await home.text();
  check(home.status === 200 && /<html/i.test(html), 'the home page renders (200, html)');
  const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  check(Boolean(script), 'the home page references a static script');
  const asset = await fetch(`${appUrl}${script}`);
  check(asset.status === 200, `static assets are served (${script})`);

  const api = await fetch(`${appUrl}/api/v1/billing/payments`);
  const body = await api.json();
  const requestId = api.headers.get('x-request-id');
  check(
    api.status === 401 && body?.error?.code === 'unauthorized' && Boolean(requestId),
    'an API route answers 401 with the error envelope and an x-request-id',
  );

  // The batch processor exports every 5 s.
  let tagged;
  for (let i = 0; i < 40 && !tagged; i++) {
    tagged = spans.find((s) => s.attributes['trailroom.request_id'] === requestId);
    if (!tagged) await new Promise((r) => setTimeout(r, 500));
  }
  check(
    Boolean(tagged),
    `the collector received a span carrying the request id (${spans.length} spans; "${tagged?.name}")`,
  );
  log('standalone smoke test passed');
  await stop();
  process.exit(0);
} catch (err) {
  log(err instanceof Error ? err.message : String(err));
  await stop();
  process.exit(1);
}
