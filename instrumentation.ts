// Runs once when a server instance starts. It says which job runner is in
// use; in inline mode it starts the cron functions on in-process timers (each
// tick claimed once across instances).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return; // eslint-disable-line no-restricted-properties
  // --- tracing (lib/telemetry; helper "deploy") ---------------------------
  // OpenTelemetry spans for every request, exported over OTLP/HTTP when
  // OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set; off otherwise.
  const { startTracing } = await import('@/lib/telemetry/start-tracing');
  startTracing();
  // --- end tracing -------------------------------------------------------
  // 405 + Allow for methods a route does not implement (Next.js answers TRACE with a 500).
  const { installMethodGuard } = await import('@/lib/api/method-guard');
  installMethodGuard();
  // lib/jobs raises events through whichever runner is registered here (lib/ never imports inngest/).
  const { registerJobs } = await import('@/inngest/register');
  registerJobs();
  const { inngestMode } = await import('@/lib/env');
  const { logger } = await import('@/lib/log');
  if (inngestMode === 'cloud') {
    logger.info(
      { jobs: inngestMode },
      'background jobs: Inngest Cloud, /api/inngest signature-checked',
    );
    return;
  }
  if (inngestMode === 'self-hosted') {
    logger.info(
      { jobs: inngestMode },
      'background jobs: self-hosted Inngest server (INNGEST_BASE_URL), /api/inngest signature-checked',
    );
    return;
  }
  if (inngestMode === 'dev') {
    logger.warn(
      { jobs: inngestMode },
      'background jobs: Inngest dev server (INNGEST_DEV=1), /api/inngest NOT signature-checked — development only',
    );
    return;
  }
  logger.warn(
    { jobs: inngestMode },
    'background jobs: inline (JOBS_MODE=inline, or no Inngest keys outside production) — functions run in this process; webhook retries are kept in the database and resumed after a restart, other in-flight runs are not (the stuck-job sweeper recovers try-ons); /api/inngest answers 404',
  );
  const { functions } = await import('@/inngest/functions');
  const { startInlineCrons, claimJob } = await import('@/lib/jobs');
  startInlineCrons(functions, {
    claimTick: (key, tickAt) => claimJob(key, 'cron_tick', { now: tickAt }),
  });
}
