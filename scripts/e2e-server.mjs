#!/usr/bin/env node
// The servers Playwright tests run against (playwright.config.ts `webServer`
// starts and stops them), each with a throw-away database, the seed, and a
// local OpenID Connect server standing in for Google
// (scripts/lib/mock-google.mjs) on E2E_OIDC_PORT (default E2E_PORT + 1000).
//
//   --mode=production (default): the production build as it is deployed —
//     the standalone server (`node server.js` in <distDir>/standalone, static
//     assets copied beside it as the Dockerfile does; scripts/lib/instances.mjs),
//     NODE_ENV=production — Google sign-in only, Stripe
//     Checkout through stripe-mock behind a stand-in that remembers sessions
//     (scripts/lib/stripe-stand-in.mjs, on E2E_STRIPE_PORT, default
//     E2E_PORT + 2000), jobs inline by explicit JOBS_MODE. The build in
//     NEXT_DIST_DIR (default .next) is reused when current, else built first.
//   --mode=development: `next dev` with the embedded defaults of `npm run dev`
//     (development sign-in, local test checkout, a slow local provider), for
//     the specs about those development-only features (e2e/dev/).
// Both also serve the demo shop (demo-store/, scripts/lib/demo-store.mjs) on
// E2E_DEMO_STORE_PORT (default E2E_PORT + 3000), its key allowed for
// http://localhost:<that port> only — http://127.0.0.1:<that port> is the same
// shop on an origin the key does not allow (e2e/widget/).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase, withDatabase } from './lib/database.mjs';
import { demoStoreKey, startDemoStore } from './lib/demo-store.mjs';
import { BIN, run } from './lib/proc.mjs';
import { startMockGoogle } from './lib/mock-google.mjs';
import { prepareStandalone } from './lib/instances.mjs';
import { ensureProductionBuild } from './lib/next-build.mjs';
import { startStripeStandIn } from './lib/stripe-stand-in.mjs';

const arg = process.argv.find((a) => a.startsWith('--mode='));
const mode = arg ? arg.slice('--mode='.length) : 'production';
if (mode !== 'production' && mode !== 'development') {
  process.stderr.write(`e2e-server: --mode must be production or development, not ${mode}\n`);
  process.exit(2);
}
const production = mode === 'production';
const port = Number(process.env.E2E_PORT ?? 3100);
const appUrl = `http://localhost:${port}`;
const distDir = process.env.NEXT_DIST_DIR ?? '.next';

let next;
let db;
let google;
let stripe;
let demoStore;
let dataDir;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null) {
    next.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (next.exitCode === null) next.kill('SIGKILL');
  }
  await stripe?.stop().catch(() => undefined);
  await demoStore?.stop().catch(() => undefined);
  await google?.stop().catch(() => undefined);
  await db?.stop().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void shutdown(0));
// If whatever started us goes away without a signal (npm killed, terminal
// closed), stop too, so no database or server is left behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0);
}, 1000).unref();

try {
  if (production) {
    process.stderr.write(
      `[e2e] ${await ensureProductionBuild({ distDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })}\n`,
    );
  }
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-e2e-db-'));
  db = await startDatabase({ dataDir });
  google = await startMockGoogle({ port: Number(process.env.E2E_OIDC_PORT ?? port + 1000) });
  if (production)
    stripe = await startStripeStandIn({ port: Number(process.env.E2E_STRIPE_PORT ?? port + 2000) });
} catch (err) {
  process.stderr.write(`[e2e] ${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown(1);
}

const common = {
  MONGODB_URI: withDatabase(db.uri, 'trailroom_e2e'),
  NEXTAUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
  NEXTAUTH_URL: appUrl,
  APP_URL: appUrl,
  GOOGLE_CLIENT_ID: 'trailroom-e2e.apps.googleusercontent.com',
  GOOGLE_CLIENT_SECRET: 'e2e-google-client-secret',
  GOOGLE_ISSUER: google.issuer,
  NEXT_TELEMETRY_DISABLED: '1',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
const env = { ...process.env, ...common };
for (const k of [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_API_URL',
  'GEMINI_API_KEY',
  'OPENAI_API_KEY',
  'INNGEST_BASE_URL',
  'INNGEST_DEV',
  'INNGEST_SIGNING_KEY',
  'INNGEST_EVENT_KEY',
  'DEV_LOGIN_ENABLED',
  'LOCAL_CHECKOUT_ENABLED',
  'WEBHOOK_ALLOW_PRIVATE_URLS',
  'IMAGE_URL_ALLOW_PRIVATE',
  'LOCAL_PROVIDER_DELAY_MS',
  'WEBHOOK_RETRY_SCALE',
])
  delete env[k];

if (production) {
  Object.assign(env, {
    NODE_ENV: 'production',
    // One process, no Inngest server: production accepts inline jobs only when asked explicitly.
    JOBS_MODE: 'inline',
    // Test-mode keys (e2e/support/stripe.ts signs events with the same webhook secret).
    STRIPE_SECRET_KEY: 'sk_test_trailroomE2eStandIn',
    STRIPE_WEBHOOK_SECRET: 'whsec_trailroom_e2e_production_build',
    STRIPE_API_URL: stripe.url,
  });
} else {
  Object.assign(env, {
    NODE_ENV: 'development',
    DEV_LOGIN_ENABLED: 'true',
    LOCAL_CHECKOUT_ENABLED: 'true',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    // Long enough that a page reload lands while a try-on is still running.
    LOCAL_PROVIDER_DELAY_MS: '1500',
  });
}

const demoPort = Number(process.env.E2E_DEMO_STORE_PORT ?? port + 3000);
const demoKey = demoStoreKey(common.NEXTAUTH_SECRET);
const seedEnv = {
  ...env,
  DEMO_STORE_KEY: demoKey,
  DEMO_STORE_ORIGINS: `http://localhost:${demoPort}`,
};
if ((await run(BIN('tsx'), ['scripts/seed.ts'], { env: seedEnv })) !== 0) await shutdown(1);
try {
  demoStore = await startDemoStore({ port: demoPort, appUrl, publishableKey: demoKey });
} catch (err) {
  process.stderr.write(`[e2e] demo shop: ${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown(1);
}
if (production) {
  // The deployed artefact, not `next start` (which warns that it does not serve standalone output).
  next = spawn(process.execPath, ['server.js'], {
    cwd: prepareStandalone(distDir),
    stdio: 'inherit',
    env: { ...env, PORT: String(port), HOSTNAME: 'localhost' },
  });
} else {
  // Start from a cold development build, as CI does: a Turbopack cache left by
  // an earlier run of a different tree has made pages reload in a loop.
  rmSync(path.join(distDir, 'dev'), { recursive: true, force: true });
  next = spawn(BIN('next'), ['dev', '-p', String(port)], { stdio: 'inherit', env });
}
next.on('exit', (code) => void shutdown(code ?? 1));
