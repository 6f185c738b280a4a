import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';
import { registerJobs } from '@/inngest/register';
import { errorResponse } from '@/lib/api/route';
import { inngestMode } from '@/lib/env';
import { notFound } from '@/lib/errors';

export const dynamic = 'force-dynamic';

// Functions run here raise events through lib/jobs: make sure its runtime is registered.
registerJobs();

const served = serve({
  client: inngest,
  // Inline-only functions (the due-webhook cron) would race Inngest's own schedule.
  functions: functions.filter((f) => !f.definition.inlineOnly).map((f) => f.fn),
});

/** Inline mode: no Inngest server calls this app, so nothing here runs a function. */
function inlineMode(): Response {
  return errorResponse(notFound('Inngest endpoint (jobs run in-process)'), crypto.randomUUID());
}

// GET|POST|PUT /api/inngest — Inngest's endpoint to register and run functions
// (signature-checked in cloud and self-hosted mode; unsigned only with INNGEST_DEV)
export const GET = inngestMode === 'inline' ? inlineMode : served.GET;
export const POST = inngestMode === 'inline' ? inlineMode : served.POST;
export const PUT = inngestMode === 'inline' ? inlineMode : served.PUT;
