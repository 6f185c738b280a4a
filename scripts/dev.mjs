#!/usr/bin/env node
// npm run dev — the whole product on this machine: an embedded database under
// .data/ (kept between runs), the seed, and Next.js with the local image
// provider, the local test checkout and inline background jobs; and the demo
// shop (demo-store/, the storefront widget embedded) on the next port.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startDatabase, withDatabase } from './lib/database.mjs';
import { demoStoreKey, startDemoStore } from './lib/demo-store.mjs';
import { devSecret, loadEnvLocal } from './lib/env-file.mjs';
import { BIN, run } from './lib/proc.mjs';
import { ROOT } from './lib/tools.mjs';

loadEnvLocal();
const port = Number(process.env.PORT ?? 3000);
const dbPort = Number(process.env.TRAILROOM_DB_PORT ?? 27027);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
// The demo shop is another origin: the next port (DEMO_STORE_PORT=0 leaves it out).
const demoPort = Number(process.env.DEMO_STORE_PORT ?? port + 1);
const demoOrigin = `http://localhost:${demoPort}`;

const db = await startDatabase({
  dataDir: path.join(ROOT, '.data/db'),
  port: dbPort,
  persistent: true,
});
let stopping = false;
let next;
let demoStore;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null) {
    next.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => {
        next.kill('SIGKILL');
        r();
      }, 5000);
      next.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
  await demoStore?.stop().catch(() => undefined);
  await db.stop();
  process.stderr.write('[dev] stopped (database stopped, data kept in .data/)\n');
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void shutdown(0));
// If whatever started us goes away without a signal (npm killed, terminal
// closed), stop too, so no database or server is left behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0);
}, 1000).unref();

const env = {
  ...process.env,
  MONGODB_URI: process.env.MONGODB_URI ?? withDatabase(db.uri, 'trailroom'),
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? devSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
  APP_URL: appUrl,
  DEV_LOGIN_ENABLED: process.env.DEV_LOGIN_ENABLED ?? 'true',
  LOCAL_CHECKOUT_ENABLED: process.env.LOCAL_CHECKOUT_ENABLED ?? 'true',
  WEBHOOK_ALLOW_PRIVATE_URLS: process.env.WEBHOOK_ALLOW_PRIVATE_URLS ?? 'true',
  NEXT_TELEMETRY_DISABLED: '1',
};

// The demo shop's publishable key comes from the development secret: the same on every start.
const demoKey = demoPort ? demoStoreKey(env.NEXTAUTH_SECRET) : null;
const seeded = await run(BIN('tsx'), ['scripts/seed.ts', '--demo'], {
  env: demoKey ? { ...env, DEMO_STORE_KEY: demoKey, DEMO_STORE_ORIGINS: demoOrigin } : env,
});
if (seeded !== 0) {
  process.stderr.write('[dev] seeding failed\n');
  await shutdown(1);
}
if (demoKey) {
  try {
    demoStore = await startDemoStore({ port: demoPort, appUrl, publishableKey: demoKey });
  } catch (err) {
    process.stderr.write(
      `[dev] the demo shop could not start on port ${demoPort} (${err instanceof Error ? err.message : String(err)}); set DEMO_STORE_PORT\n`,
    );
  }
}

next = spawn(BIN('next'), ['dev', '-p', String(port)], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env,
});
let announced = false;
next.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|ready in/i.test(chunk.toString())) {
    announced = true;
    const admin = process.env.SEED_ADMIN_EMAIL ?? 'admin@trailroom.local';
    const demo = process.env.SEED_DEMO_EMAIL ?? 'demo@trailroom.local';
    // The app's own rule (lib/env): development conveniences only on a loopback APP_URL.
    const loopback = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(
      new URL(appUrl).hostname,
    );
    const on = (v) => /^(1|true|yes)$/.test(v ?? '');
    const devLogin = loopback && on(env.DEV_LOGIN_ENABLED);
    const localCheckout = loopback && on(env.LOCAL_CHECKOUT_ENABLED);
    process.stdout.write(
      [
        '',
        '  TrailRoom is running',
        `  → ${appUrl}`,
        `  database: ${db.engine} (${db.engine === 'external' ? 'MONGODB_URI' : 'data in .data/db'})`,
        ...(devLogin
          ? [
              '  sign in at /signin with the development sign-in (email only):',
              `    shopper: ${demo}`,
              `    admin:   ${admin} (super_admin)`,
            ]
          : [
              `  development sign-in is off (${loopback ? 'DEV_LOGIN_ENABLED is not true' : 'APP_URL is not a loopback address'})`,
            ]),
        `  images: ${process.env.GEMINI_API_KEY || process.env.OPENAI_API_KEY ? 'configured model provider' : 'local preview provider'} · payments: ${process.env.STRIPE_SECRET_KEY ? 'Stripe' : localCheckout ? 'local test checkout' : 'not configured'} · jobs: ${/^(1|true|yes)$/.test(process.env.INNGEST_DEV ?? '') ? 'Inngest dev server' : process.env.INNGEST_SIGNING_KEY ? (process.env.INNGEST_BASE_URL ? 'self-hosted Inngest' : 'Inngest Cloud') : 'inline (in this process)'}`,
        ...(demoStore
          ? [
              `  demo shop (the storefront widget, another origin): ${demoStore.url}`,
              `    "Try it on" spends the Demo Shop organisation's credits; its owner is ${demo}`,
              `    publishable key ${demoKey} (allowed origin ${demoOrigin})`,
            ]
          : []),
        '  Ctrl+C stops the app and the database.',
        '',
      ].join('\n'),
    );
  }
});
next.on('exit', (code) => void shutdown(code ?? 0));
