import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InngestTestEngine } from '@inngest/test';
import type { InngestFunction } from 'inngest';

// The OpenAI provider is pointed at a local stub speaking its wire format;
// set before lib/env is first imported. Modes default to the local compositor.
const stub = vi.hoisted(() => {
  const port = 41000 + Math.floor(Math.random() * 2000);
  process.env.OPENAI_API_KEY = 'sk-test-stub';
  process.env.OPENAI_BASE_URL = `http://127.0.0.1:${port}/v1`;
  process.env.AI_PROVIDER_TOP = 'local';
  process.env.AI_PROVIDER_FULL = 'local';
  return { port };
});

import { getBalance, reconcile } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import { inngest } from './client';
import { CreditTransaction, Prompt } from '@/models';
import { TryonJob, type TryonMode } from '@/models/tryon-job';
import { TRYON_JOB_CREATED, jobEventId } from '@/lib/tryon';
import {
  createQueuedJob,
  createUser,
  MAGENTA,
  makeImage,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';
import { activatePromptVersion } from '@/lib/prompts';
import { tryonGenerate } from './tryon-generate';
import { sweepStuckJobs } from './sweep-stuck-jobs';

/** Scripted answers of the OpenAI stub, consumed in order; then success. */
const script: Array<{ status: number; body: unknown }> = [];
let stubCalls = 0;
let server: http.Server;
let outputPng: Buffer;

function startStub(): Promise<void> {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/images/edits')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      stubCalls += 1;
      const next = script.shift() ?? {
        status: 200,
        body: { created: 1, data: [{ b64_json: outputPng.toString('base64') }] },
      };
      res
        .writeHead(next.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(next.body));
    });
  });
  return new Promise((resolve) => server.listen(stub.port, '127.0.0.1', () => resolve()));
}

function eventFor(job: {
  _id: { toString(): string };
  userId: { toString(): string };
  mode: TryonMode;
}) {
  const jobId = job._id.toString();
  return {
    name: TRYON_JOB_CREATED,
    id: jobEventId(jobId),
    data: { jobId, userId: job.userId.toString(), mode: job.mode, provider: 'local' },
  };
}

/** The onFailure handler as Inngest runs it: its own function triggered by inngest/function.failed. */
function failureEngine() {
  const onFailure = (
    tryonGenerate.fn as unknown as { onFailureFn: (ctx: never) => Promise<unknown> }
  ).onFailureFn;
  const fn = (inngest.createFunction as unknown as (o: unknown, h: unknown) => InngestFunction.Any)(
    { id: 'tryon-generate-failure', triggers: [{ event: 'inngest/function.failed' }] },
    onFailure,
  );
  return new InngestTestEngine({ function: fn });
}

function failedEvent(event: ReturnType<typeof eventFor>, message: string) {
  return {
    name: 'inngest/function.failed',
    data: {
      function_id: 'trailroom-tryon-generate',
      run_id: 'run-1',
      event,
      error: { name: 'NonRetriableError', message },
    },
  };
}

async function entries(userId: string, type: 'usage' | 'refund') {
  return CreditTransaction.countDocuments({ userId, type });
}

beforeAll(async () => {
  await seedPrompts();
  outputPng = await makeImage('#44aa88', { width: 512, height: 640 });
  await startStub();
});

afterAll(async () => {
  await drainInline();
  await new Promise((r) => server.close(r));
});

describe('tryon-generate (InngestTestEngine, real database)', () => {
  it('runs a job to completion: processing → output stored → completed with timings, prompt and provider recorded', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId);
    const t = new InngestTestEngine({ function: tryonGenerate.fn });
    const { result, error, ctx } = await t.execute({ events: [eventFor(job)] });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ jobId: job._id.toString(), status: 'completed' });
    const step = ctx.step.run as unknown as { mock: { calls: unknown[][] } };
    expect(step.mock.calls.map((c) => c[0])).toEqual([
      'mark-processing',
      'load-inputs',
      'resolve-prompt',
      'plan-generation',
      'generate-image',
      'complete-job',
      'emit-completed',
    ]);
    const done = await TryonJob.findById(job._id).lean();
    expect(done?.status).toBe('completed');
    expect(done?.outputImageId).toBeTruthy();
    expect(done?.provider).toBe('local');
    expect(done?.model).toBe('local-compositor-v1');
    expect(done?.promptVersion).toBe(1);
    expect(done?.startedAt).toBeInstanceOf(Date);
    expect(done?.completedAt).toBeInstanceOf(Date);
    expect(done?.processingMs).toBeGreaterThanOrEqual(0);
    expect(await entries(userId, 'usage')).toBe(1);
    expect(await entries(userId, 'refund')).toBe(0);
    expect((await getBalance(userId)).total).toBe(2);
  });

  it('a retryable provider failure is retried and then succeeds, charged once, no refund', async () => {
    const userId = await createUser();
    // A new active top_only version that routes to OpenAI (the stub): the job records v2 + openai.
    // Activated through the activation log, which names the active version (lib/prompts).
    await Prompt.create({
      type: 'top_only',
      version: 2,
      content: 'Stub prompt',
      provider: 'openai',
      model: 'gpt-image-1',
    });
    await activatePromptVersion({ type: 'top_only', version: 2, actor: { userId } });
    try {
      const job = await createQueuedJob(userId);
      script.push({
        status: 503,
        body: { error: { message: 'overloaded', type: 'server_error' } },
      });
      const callsBefore = stubCalls;
      const t = new InngestTestEngine({ function: tryonGenerate.fn });

      const first = await t.execute({ events: [eventFor(job)] });
      expect(first.error).toBeDefined();
      expect(JSON.stringify(first.error)).not.toContain('NonRetriableError');
      const between = await TryonJob.findById(job._id).lean();
      expect(between?.status).toBe('processing');
      expect(between?.error?.code).toBe('provider_unavailable');

      // Inngest retries the step (attempt 1): the stub now answers with an image.
      const second = await new InngestTestEngine({
        function: tryonGenerate.fn,
        transformCtx: (ctx) => ({ ...ctx, attempt: 1 }),
      }).execute({ events: [eventFor(job)] });
      expect(second.error).toBeUndefined();
      expect(second.result).toMatchObject({ status: 'completed' });
      expect(stubCalls - callsBefore).toBe(2);

      const done = await TryonJob.findById(job._id).lean();
      expect(done?.status).toBe('completed');
      expect(done?.provider).toBe('openai');
      expect(done?.promptVersion).toBe(2);
      expect(done?.retryCount).toBe(1);
      expect(done?.error?.code).toBeUndefined();
      expect(await entries(userId, 'usage')).toBe(1);
      expect(await entries(userId, 'refund')).toBe(0);
      expect((await getBalance(userId)).total).toBe(2);
    } finally {
      await activatePromptVersion({ type: 'top_only', version: 1, actor: { userId } });
      await Prompt.deleteOne({ type: 'top_only', version: 2 });
    }
  });

  it('a final failure (injected: magenta garment) fails fast; onFailure marks it failed and refunds exactly once, even when run twice', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId, { mode: 'full', topColour: MAGENTA });
    expect((await getBalance(userId)).total).toBe(1);
    const t = new InngestTestEngine({ function: tryonGenerate.fn });
    const run = await t.execute({ events: [eventFor(job)] });
    expect(run.error).toBeDefined();
    expect(JSON.stringify(run.error)).toContain('NonRetriableError');
    expect(JSON.stringify(run.error)).toContain('injected_failure');

    const failure = failureEngine();
    const message = 'injected_failure: injected';
    const firstFailure = await failure.execute({ events: [failedEvent(eventFor(job), message)] });
    expect(firstFailure.error).toBeUndefined();
    const secondFailure = await failureEngine().execute({
      events: [failedEvent(eventFor(job), message)],
    });
    expect(secondFailure.error).toBeUndefined();

    const failed = await TryonJob.findById(job._id).lean();
    expect(failed?.status).toBe('failed');
    expect(failed?.error?.code).toBe('generation_failed');
    expect(failed?.errorDetail?.code).toBe('injected_failure');
    expect(failed?.outputImageId).toBeUndefined();
    expect(await entries(userId, 'usage')).toBe(1);
    expect(await entries(userId, 'refund')).toBe(1);
    expect((await getBalance(userId)).total).toBe(3);
  });

  it('onFailure never refunds a job that completed', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId);
    await new InngestTestEngine({ function: tryonGenerate.fn }).execute({
      events: [eventFor(job)],
    });
    const res = await failureEngine().execute({
      events: [failedEvent(eventFor(job), 'late failure')],
    });
    expect(res.error).toBeUndefined();
    expect((await TryonJob.findById(job._id).lean())?.status).toBe('completed');
    expect(await entries(userId, 'refund')).toBe(0);
  });

  it('a run for a canceled job does nothing', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId, { status: 'canceled' });
    const { result } = await new InngestTestEngine({ function: tryonGenerate.fn }).execute({
      events: [eventFor(job)],
    });
    expect(result).toMatchObject({ status: 'canceled' });
    expect((await TryonJob.findById(job._id).lean())?.outputImageId).toBeUndefined();
  });
});

describe('sweep-stuck-jobs (InngestTestEngine, real database)', () => {
  it('fails and refunds jobs stuck in processing or queued past 15 minutes, once, and leaves fresh ones', async () => {
    const userId = await createUser();
    const old = new Date(Date.now() - 20 * 60 * 1000);
    const stuckProcessing = await createQueuedJob(userId, {
      status: 'processing',
      startedAt: old,
      queuedAt: old,
    });
    const stuckQueued = await createQueuedJob(userId, { mode: 'top', queuedAt: old });
    const fresh = await createQueuedJob(userId, { status: 'processing', startedAt: new Date() });
    expect((await getBalance(userId)).total).toBe(0);

    const t = new InngestTestEngine({ function: sweepStuckJobs.fn });
    const first = await t.execute({
      events: [{ name: 'inngest/scheduled.timer', data: { cron: '*/5 * * * *' } }],
    });
    expect(first.error).toBeUndefined();
    expect(first.result).toEqual({ swept: 2 });
    const second = await new InngestTestEngine({ function: sweepStuckJobs.fn }).execute({
      events: [{ name: 'inngest/scheduled.timer', data: { cron: '*/5 * * * *' } }],
    });
    expect(second.result).toEqual({ swept: 0 });

    for (const j of [stuckProcessing, stuckQueued]) {
      const after = await TryonJob.findById(j._id).lean();
      expect(after?.status).toBe('failed');
      expect(after?.error?.code).toBe('timeout');
    }
    expect((await TryonJob.findById(fresh._id).lean())?.status).toBe('processing');
    expect(await entries(userId, 'refund')).toBe(2);
    expect((await getBalance(userId)).total).toBe(2);
    const report = await reconcile();
    expect(report.differences).toEqual([]);
  });
});
