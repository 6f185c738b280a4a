#!/usr/bin/env node
// The server Playwright tests run against: a throw-away database, the seed,
// and `next dev` with the same embedded defaults as `npm run dev` (local image
// provider, local test checkout, inline jobs, development sign-in), plus a
// local OpenID Connect server standing in for Google (scripts/lib/mock-google.mjs)
// on E2E_OIDC_PORT (default E2E_PORT + 1000, so parallel servers don't collide).
// Playwright starts and stops it (playwright.config.ts `webServer`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase, withDatabase } from './lib/database.mjs';
import { BIN, run } from './lib/proc.mjs';
import { startMockGoogle } from './lib/mock-google.mjs';

const port = Number(process.env.E2E_PORT ?? 3100);
const appUrl = `http://localhost:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-e2e-db-'));
const db = await startDatabase({ dataDir });
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 1000);
const google = await startMockGoogle({ port: oidcPort });

const env = {
  ...process.env,
  NODE_ENV: 'development',
  MONGODB_URI: withDatabase(db.uri, 'trailroom_e2e'),
  NEXTAUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
  NEXTAUTH_URL: appUrl,
  APP_URL: appUrl,
  DEV_LOGIN_ENABLED: 'true',
  LOCAL_CHECKOUT_ENABLED: 'true',
  GOOGLE_CLIENT_ID: 'trailroom-e2e.apps.googleusercontent.com',
  GOOGLE_CLIENT_SECRET: 'e2e-google-client-secret',
  GOOGLE_ISSUER: google.issuer,
  WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
  // Long enough that a page reload lands while a try-on is still running.
  LOCAL_PROVIDER_DELAY_MS: '1500',
  NEXT_TELEMETRY_DISABLED: '1',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
for (const k of [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'GEMINI_API_KEY',
  'OPENAI_API_KEY',
  'INNGEST_BASE_URL',
  'INNGEST_DEV',
])
  delete env[k];

let next;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null) {
    next.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (next.exitCode === null) next.kill('SIGKILL');
  }
  await google.stop().catch(() => undefined);
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void shutdown(0));
// If whatever started us goes away without a signal (npm killed, terminal
// closed), stop too, so no database or server is left behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0);
}, 1000).unref();

if ((await run(BIN('tsx'), ['scripts/seed.ts'], { env })) !== 0) await shutdown(1);
// Start from a cold development build, as CI does: a Turbopack cache left by
// an earlier run of a different tree has made pages reload in a loop.
rmSync(path.join(process.env.NEXT_DIST_DIR ?? '.next', 'dev'), { recursive: true, force: true });
next = spawn(BIN('next'), ['dev', '-p', String(port)], { stdio: 'inherit', env });
next.on('exit', (code) => void shutdown(code ?? 1));
