import { randomBytes } from 'node:crypto';

process.env.LOG_LEVEL ??= 'silent';
// No built-in secret exists (lib/env): each run makes its own.
process.env.NEXTAUTH_SECRET ??= `test-${randomBytes(24).toString('hex')}`;
process.env.LOCAL_CHECKOUT_ENABLED ??= 'true';

// lib/jobs raises events through the runtime registered at start-up (lib/ never imports
// inngest/). Registering reads no settings and loads the functions only when an event is sent.
const { registerJobs } = await import('@/inngest/register');
registerJobs();
