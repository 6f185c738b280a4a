import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';

// A fresh database per test file. Set before any app module reads lib/env.
const base = new URL(inject('mongoUri'));
base.pathname = `/t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
process.env.MONGODB_URI = base.toString();
process.env.LOG_LEVEL ??= 'silent';
// No built-in secret exists (lib/env): each run makes its own.
process.env.NEXTAUTH_SECRET ??= `test-${randomBytes(24).toString('hex')}`;
process.env.LOCAL_CHECKOUT_ENABLED ??= 'true';

// lib/jobs raises events through the runtime registered at start-up (lib/ never imports
// inngest/). Registering reads no settings and loads the functions only when an event is sent.
const { registerJobs } = await import('@/inngest/register');
registerJobs();

beforeAll(async () => {
  const { ensureIndexes } = await import('@/lib/db');
  await ensureIndexes();
});

afterAll(async () => {
  const mongoose = (await import('mongoose')).default;
  const { disconnectDb } = await import('@/lib/db');
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDb();
});
