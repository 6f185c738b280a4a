import { Inngest } from 'inngest';
import { env, inngestMode } from '@/lib/env';

/**
 * The Inngest client. In `dev` mode it talks to a local Inngest dev server
 * (INNGEST_BASE_URL / INNGEST_DEV); in `cloud` mode to Inngest Cloud with the
 * event and signing keys; in `inline` mode it is never called to send —
 * lib/jobs runs the same function definitions in-process instead.
 */
export const inngest = new Inngest({
  id: 'trailroom',
  ...(inngestMode === 'dev' ? { isDev: true, baseUrl: env.INNGEST_BASE_URL } : {}),
  ...(inngestMode === 'cloud'
    ? { eventKey: env.INNGEST_EVENT_KEY, signingKey: env.INNGEST_SIGNING_KEY }
    : {}),
});
