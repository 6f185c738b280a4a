import { Inngest } from 'inngest';
import { env, inngestMode } from '@/lib/env';

/**
 * The Inngest client. In `dev` mode (INNGEST_DEV=1, never in production) it
 * talks to a local Inngest dev server; in `cloud` / `self-hosted` mode to an
 * Inngest server with the event and signing keys, every call to /api/inngest
 * signature-checked; in `inline` mode it is never called to send — lib/jobs
 * runs the same function definitions in-process instead.
 *
 * `isDev` is always explicit: otherwise the SDK decides on its own from
 * process.env on every request — INNGEST_DEV=1, or any value it can read as a
 * URL ("no" becomes http://no/), turns signature checks off. lib/env is the
 * only judge of the mode.
 */
export const inngest = new Inngest({
  id: 'trailroom',
  isDev: inngestMode === 'dev',
  ...(inngestMode === 'dev' && env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}),
  // Cloud and self-hosted servers are signature-checked alike; INNGEST_BASE_URL
  // only says where the server is (lib/env refuses it without a signing key).
  ...(inngestMode === 'cloud' || inngestMode === 'self-hosted'
    ? {
        eventKey: env.INNGEST_EVENT_KEY,
        signingKey: env.INNGEST_SIGNING_KEY,
        ...(env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}),
      }
    : {}),
});
