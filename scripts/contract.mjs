#!/usr/bin/env node
// npm test's `contract` step: the public API keeps the promise of its OpenAPI
// document. Starts a throw-away database, seeds it plus a shopper with paid
// credits and an API key, starts the standalone server of the existing
// production build (`node server.js`, as deployed; NODE_ENV=production,
// inline jobs, local image provider, no Stripe
// key), then runs schemathesis (tools/schemathesis) with every check, the
// stateful phase included — once with the API key, once with a session
// cookie. Fails on any failure and if no case ran. Prints
// `contract: N cases, F failed` and writes .cache/test-results/contract.json.
//   node scripts/contract.mjs [--max-examples N] [--keep-reports]
import { spawn, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase, withDatabase } from './lib/database.mjs';
import { freePort, waitForPort } from './lib/ports.mjs';
import { prepareStandalone } from './lib/instances.mjs';
import { BIN, run } from './lib/proc.mjs';
import { ROOT, ensureSchemathesis } from './lib/tools.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
// Per operation and phase; 23 operations × 2 identities × (examples,
// coverage, fuzzing) plus the stateful scenarios give well over 1,000 cases.
const MAX_EXAMPLES = Number(arg('max-examples', '15'));
const OUT = path.join(ROOT, '.cache/test-results');
mkdirSync(OUT, { recursive: true });
const distDir = process.env.NEXT_DIST_DIR ?? '.next';

function log(msg) {
  process.stderr.write(`[contract] ${msg}\n`);
}

if (!existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
  log(`no production build in ${distDir}: run \`next build\` first (npm test runs it as "build")`);
  process.exit(1);
}
const st = ensureSchemathesis();
const version = execFileSync(st, ['--version'], { encoding: 'utf8' }).trim();

const started = Date.now();
const port = await freePort();
const appUrl = `http://localhost:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-contract-db-'));
const db = await startDatabase({ dataDir });

const env = {
  ...process.env,
  NODE_ENV: 'production',
  JOBS_MODE: 'inline',
  MONGODB_URI: withDatabase(db.uri, 'trailroom_contract'),
  NEXTAUTH_SECRET: 'contract-secret-contract-secret-contract-secret',
  NEXTAUTH_URL: appUrl,
  APP_URL: appUrl,
  NEXT_DIST_DIR: distDir,
  // The fuzzer sends ~10 requests a second as one caller: measure the API, not its limiter
  // (429 stays documented on every operation).
  RATE_LIMIT_SCALE: '100',
  NEXT_TELEMETRY_DISABLED: '1',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
};
for (const k of [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'GEMINI_API_KEY',
  'OPENAI_API_KEY',
  'INNGEST_BASE_URL',
  'INNGEST_DEV',
  'INNGEST_EVENT_KEY',
  'INNGEST_SIGNING_KEY',
  'DEV_LOGIN_ENABLED',
  'LOCAL_CHECKOUT_ENABLED',
  'WEBHOOK_ALLOW_PRIVATE_URLS',
  'IMAGE_URL_ALLOW_PRIVATE',
])
  delete env[k];

let server;
async function cleanup() {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    const t = setTimeout(() => server.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  }
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
async function fail(msg) {
  log(msg);
  await cleanup();
  process.exit(1);
}
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => void cleanup().then(() => process.exit(130)));

if ((await run(BIN('tsx'), ['scripts/seed.ts'], { env })) !== 0) await fail('seed failed');
const fixture = JSON.parse(
  execFileSync(BIN('tsx'), ['scripts/contract-fixture.ts'], { env, encoding: 'utf8' }).trim(),
);

server = spawn(process.execPath, ['server.js'], {
  cwd: prepareStandalone(distDir),
  env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  await waitForPort(port, { child: server, timeoutMs: 60000 });
} catch (err) {
  await fail(`standalone server: ${err.message}`);
}

/**
 * One schemathesis run as one identity: the document's security scheme
 * `scheme` (apiKey: the x-api-key header, session: the next-auth cookie)
 * gets `secret`; the other scheme is left out, so every request carries
 * exactly one credential. Returns { cases, failures, ok }.
 */
async function fuzz(name, scheme, secret) {
  const reportDir = path.join(OUT, `contract-${name}`);
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const config = path.join(reportDir, 'schemathesis.toml');
  writeFileSync(
    config,
    `${readFileSync(path.join(ROOT, 'tools/schemathesis/schemathesis.toml'), 'utf8')}\n` +
      `[auth.openapi.${scheme}]\napi_key = ${JSON.stringify(secret)}\n`,
  );
  const args = [
    '--config-file',
    config,
    'run',
    `${appUrl}/api/v1/openapi.json`,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    String(MAX_EXAMPLES),
    // One worker: the generator (Hypothesis) is not thread-safe in this version, and
    // the server shares two cores with everything else.
    '--workers',
    '1',
    '--seed',
    arg('seed', '20261201'),
    '--request-timeout',
    '10',
    '--max-response-time',
    '5',
    '--suppress-health-check',
    'all',
    '--no-shrink',
    '--report',
    'ndjson,junit',
    '--report-dir',
    reportDir,
    '--output-truncate',
    'true',
  ];
  const code = await run(st, args, {
    // schemathesis keeps a cache (.schemathesis/) in its working directory.
    cwd: path.join(ROOT, '.cache'),
    env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' },
  });
  // The ndjson event stream records every generated case and check result.
  let cases = 0;
  let failures = 0;
  const ndjson = readdirSync(reportDir).find((f) => f.endsWith('.ndjson'));
  if (ndjson) {
    for (const line of readFileSync(path.join(reportDir, ndjson), 'utf8').split('\n')) {
      if (!line.includes('"ScenarioFinished"')) continue;
      const { recorder } = JSON.parse(line).ScenarioFinished;
      cases += Object.keys(recorder.cases ?? {}).length;
      for (const checks of Object.values(recorder.checks ?? {}))
        for (const c of checks) if (c.status === 'FAILURE' || c.status === 'failure') failures++;
    }
  }
  return { name, code, cases, failures, ok: code === 0 };
}

const results = [];
try {
  results.push(await fuzz('api-key', 'apiKey', fixture.apiKey));
  results.push(await fuzz('session', 'session', fixture.sessionToken));
} finally {
  await cleanup();
}

const cases = results.reduce((n, r) => n + r.cases, 0);
const failed = results.filter((r) => !r.ok).length;
const secs = ((Date.now() - started) / 1000).toFixed(1);
const summary = { version, secs: Number(secs), cases, results };
writeFileSync(path.join(OUT, 'contract.json'), `${JSON.stringify(summary, null, 2)}\n`);
for (const r of results)
  log(
    `${r.name}: ${r.cases} cases, exit ${r.code}${r.failures ? `, ${r.failures} failed checks` : ''}`,
  );
log(`${version}: ${cases} cases in ${secs} s`);
if (cases === 0) {
  log('ran zero cases');
  process.exit(1);
}
process.exit(failed === 0 ? 0 : 1);
