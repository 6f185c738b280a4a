import { describe, expect, it, vi } from 'vitest';
import { TryonJob } from '@/models/tryon-job';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { GET as getJobRoute } from '@/app/api/v1/tryon/[id]/route';
import { GET as adminJobRoute } from '@/app/api/admin/jobs/[id]/route';
import { failAndRefundJob, PUBLIC_FAILURES } from './index';
import { recordJobAttemptError } from './record-job-attempt';
import { createQueuedJob } from '@/lib/testing/tryon-fixtures';

/** Every event the code raises, captured at the one place events leave the process. */
const sent = vi.hoisted(() => [] as Array<{ name: string; data: Record<string, unknown> }>);
vi.mock('@/lib/jobs/send-event', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/jobs/send-event')>();
  return {
    ...real,
    sendEvent: async (event: { name: string; data: Record<string, unknown> }) => {
      sent.push(event);
    },
  };
});

/** What a provider might say: prompt text, account and quota details. */
const RAW =
  'Gemini 400: [SAFETY] prompt "SECRET-PROMPT-7781 dress the person" blocked for project trailroom-prod-4412 (quota 93%)';

describe('provider errors reach shoppers, the API and webhooks only as a generic class', () => {
  it.each([
    ['safety_blocked', 'content_blocked'],
    ['provider_unavailable', 'provider_unavailable'],
    ['rate_limited', 'provider_unavailable'],
    ['auth_failed', 'generation_failed'],
    ['no_image_returned', 'generation_failed'],
  ] as const)('%s → %s', async (providerCode, publicCode) => {
    const owner = await createTestUser();
    const ownerId = owner._id.toString();
    const job = await createQueuedJob(ownerId, { status: 'processing', startedAt: new Date() });
    const jobId = job._id.toString();
    await recordJobAttemptError(jobId, 1, { code: providerCode, message: RAW });
    // onFailure passes the run's error text too.
    await failAndRefundJob(jobId, {
      code: 'generation_failed',
      message: `${providerCode}: ${RAW}`,
    });

    const stored = await TryonJob.findById(job._id).lean();
    expect(stored?.error).toEqual({ code: publicCode, message: PUBLIC_FAILURES[publicCode] });
    expect(stored?.errorDetail).toEqual({ code: providerCode, message: RAW });

    const shopper = await callRoute(getJobRoute, `/api/v1/tryon/${jobId}`, {
      token: await sessionToken(owner),
      params: { id: jobId },
    });
    expect(shopper.status).toBe(200);
    expect(shopper.body).toMatchObject({
      status: 'failed',
      error: { code: publicCode, message: PUBLIC_FAILURES[publicCode] },
    });
    expect(JSON.stringify(shopper.body)).not.toMatch(/SECRET-PROMPT|trailroom-prod|Gemini/);

    const webhook = sent.find(
      (e) =>
        (e.data as { type?: string }).type === 'tryon.failed' &&
        JSON.stringify(e.data).includes(jobId),
    );
    expect(webhook, 'tryon.failed raised').toBeDefined();
    expect(JSON.stringify(webhook)).not.toMatch(/SECRET-PROMPT|trailroom-prod|Gemini/);
    expect(webhook?.data).toMatchObject({
      payload: { job: { error: { code: publicCode, message: PUBLIC_FAILURES[publicCode] } } },
    });

    // Admins see both, clearly apart.
    const admin = await sessionToken(await createTestUser({ role: 'support_admin' }));
    const adminView = await callRoute(adminJobRoute, `/api/admin/jobs/${jobId}`, {
      token: admin,
      params: { id: jobId },
    });
    expect(adminView.body).toMatchObject({
      error: { code: publicCode },
      error_detail: { code: providerCode, message: RAW },
    });
  });

  it('a job stored before the split (raw text in error) is still shown generically', async () => {
    const owner = await createTestUser();
    const job = await createQueuedJob(owner._id.toString(), { status: 'failed' });
    const jobId = job._id.toString();
    await TryonJob.updateOne(
      { _id: job._id },
      { $set: { error: { code: 'safety_blocked', message: RAW } } },
    );
    const res = await callRoute(getJobRoute, `/api/v1/tryon/${jobId}`, {
      token: await sessionToken(owner),
      params: { id: jobId },
    });
    expect(res.body).toMatchObject({ error: { code: 'content_blocked' } });
    expect(JSON.stringify(res.body)).not.toContain('SECRET-PROMPT');
  });
});
