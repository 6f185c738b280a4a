// Runs once when a server instance starts. In inline mode the cron functions
// get in-process timers; the log says plainly that jobs are not durable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return; // eslint-disable-line no-restricted-properties
  const { inngestMode } = await import('@/lib/env');
  const { logger } = await import('@/lib/log');
  if (inngestMode !== 'inline') {
    logger.info({ inngest: inngestMode }, 'background jobs run by Inngest');
    return;
  }
  logger.warn(
    'Inngest: inline mode (no INNGEST_BASE_URL/INNGEST_DEV or keys). Functions run in this process with retries but no durability.',
  );
  const { functions } = await import('@/inngest/functions');
  const { startInlineCrons } = await import('@/lib/jobs/inline');
  startInlineCrons(functions);
}
