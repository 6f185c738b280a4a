import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { Caller } from '@/lib/auth/caller';
import { getBalance, reconcile } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import { drainInline, setInlineBackoffScale } from '@/lib/jobs';
import { verifyImageSignature } from '@/lib/storage';
import { AdminOperation, AuditLog, CreditTransaction, User } from '@/models';
import { TryonJob } from '@/models/tryon-job';
import {
  adminGetJob,
  adminJobsQuery,
  adminListJobs,
  adminRefundJob,
  adminRetryJob,
  failAndRefundJob,
  failJob,
  findStuckJobs,
  refundJob,
} from './index';
import {
  createQueuedJob,
  createUser,
  givePaidCredits,
  MAGENTA,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';

let admin: Caller;

beforeAll(async () => {
  await seedPrompts();
  setInlineBackoffScale(0);
  const doc = await User.create({ email: 'support@test.local', role: 'support_admin' });
  admin = {
    userId: doc._id.toString(),
    email: doc.email,
    role: 'support_admin',
  } as Caller;
});

afterEach(async () => {
  await drainInline(30_000);
});

async function entries(jobId: string, type: 'usage' | 'refund') {
  return CreditTransaction.find({ type, referenceId: jobId }).lean();
}

async function expectReconciled() {
  const report = await reconcile({ repair: false });
  expect(report.differences).toEqual([]);
  expect(report.inconsistencies).toEqual([]);
}

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  return p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

/** A job that ran, failed and was refunded automatically, as onFailure leaves it. */
async function failedRefundedJob(userId: string, opts: { topColour?: string } = {}) {
  const job = await createQueuedJob(userId, {
    status: 'processing',
    startedAt: new Date(),
    ...opts,
  });
  const id = job._id.toString();
  await failAndRefundJob(id, { code: 'provider_error', message: 'The provider failed' });
  return id;
}

const retryBody = (reason = 'provider outage is over') => ({
  reason,
  operationId: crypto.randomUUID(),
});

describe('adminListJobs', () => {
  it('filters by status, mode, provider, user and date, counts per status and flags stuck jobs', async () => {
    const ana = await createUser(`ana-${new Types.ObjectId().toString()}@list.test`);
    const bo = await createUser(`bo-${new Types.ObjectId().toString()}@list.test`);
    await givePaidCredits(ana, 20);
    await givePaidCredits(bo, 20);
    const old = new Date(Date.now() - 60 * 60_000);
    const stuck = await createQueuedJob(ana, {
      status: 'processing',
      startedAt: old,
      queuedAt: old,
    });
    const failed = await failedRefundedJob(ana);
    const full = await createQueuedJob(bo, { mode: 'full', status: 'completed' });
    await TryonJob.updateOne({ _id: full._id }, { $set: { provider: 'openai' } });

    const all = await adminListJobs(adminJobsQuery.parse({ user: '@list.test' }));
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({
      processing: 1,
      failed: 1,
      completed: 1,
      queued: 0,
      stuck: 1,
    });
    expect(all.data.find((j) => j.id === stuck._id.toString())?.stuck).toBe(true);
    expect(all.data.find((j) => j.id === failed)).toMatchObject({
      status: 'failed',
      stuck: false,
      // The public class; the raw code is the admin-only error_detail.
      error: { code: 'generation_failed' },
      error_detail: { code: 'provider_error' },
      user: { id: ana },
    });

    const anaFailed = await adminListJobs(adminJobsQuery.parse({ user: 'ana-', status: 'failed' }));
    expect(anaFailed.data.map((j) => j.id)).toEqual([failed]);
    // Counts ignore the status filter: they are the tabs above the table.
    expect(anaFailed.counts).toMatchObject({ processing: 1, failed: 1, completed: 0 });

    expect(
      (await adminListJobs(adminJobsQuery.parse({ user: bo, mode: 'full', provider: 'openai' })))
        .data[0]?.id,
    ).toBe(full._id.toString());
    expect(
      (await adminListJobs(adminJobsQuery.parse({ user: '@list.test', stuck: 'true' }))).data.map(
        (j) => j.id,
      ),
    ).toEqual([stuck._id.toString()]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      (await adminListJobs(adminJobsQuery.parse({ user: '@list.test', date_from: tomorrow })))
        .total,
    ).toBe(0);
    expect((await adminListJobs(adminJobsQuery.parse({ user: 'nobody@nowhere' }))).total).toBe(0);
    expect(
      adminJobsQuery.safeParse({ date_from: '2026-02-02', date_to: '2026-02-01' }).success,
    ).toBe(false);
  });
});

describe('adminGetJob', () => {
  it('shows the owner, the charge and refund entries and signed links to the images', async () => {
    const userId = await createUser();
    const id = await failedRefundedJob(userId);
    const detail = await adminGetJob(id);
    expect(detail).toMatchObject({
      id,
      status: 'failed',
      user: { id: userId },
      credits_used: 1,
      charge: { credits: -1 },
      refund: { credits: 1, actor: { type: 'system' } },
      can_retry: true,
      can_refund: false,
      images: { bottom: null, output: null },
    });
    for (const link of [detail.images.user, detail.images.top]) {
      const url = new URL(link ?? '', 'http://x');
      const assetId = decodeURIComponent(url.pathname.split('/').pop() ?? '');
      expect(() =>
        verifyImageSignature(
          assetId,
          url.searchParams.get('exp') ?? '',
          url.searchParams.get('sig') ?? '',
        ),
      ).not.toThrow();
    }
    expect(await codeOf(adminGetJob(new Types.ObjectId().toString()))).toBe('not_found');
  });
});

describe('adminRetryJob (on the house)', () => {
  it('re-queues a failed, refunded job through the same function; it completes and the refund stands', async () => {
    const userId = await createUser();
    const before = await getBalance(userId);
    const id = await failedRefundedJob(userId);
    expect((await getBalance(userId)).total).toBe(before.total);

    const result = await adminRetryJob({ actor: admin, jobId: id, ...retryBody() });
    expect(result.replayed).toBe(false);
    expect(result.job).toMatchObject({ admin_retries: 1, error: null });
    // Inline mode may already have started it.
    expect(['queued', 'processing']).toContain(result.job.status);
    await drainInline(30_000);

    const job = await TryonJob.findById(id).lean();
    expect(job?.status).toBe('completed');
    expect(job?.outputImageId).toBeTruthy();
    expect(await entries(id, 'usage')).toHaveLength(1);
    expect(await entries(id, 'refund')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(before.total);
    const audit = await AuditLog.findOne({ action: 'tryon_job.retry', entityId: id }).lean();
    expect(audit).toMatchObject({
      actorId: new Types.ObjectId(admin.userId),
      reason: 'provider outage is over',
      before: { status: 'failed', error: { code: 'generation_failed' } },
      after: { status: 'queued', adminRetries: 1 },
    });
    await expectReconciled();
  });

  it('a retry that fails again refunds nothing more; a second retry is allowed and still free', async () => {
    const userId = await createUser();
    const before = await getBalance(userId);
    const id = await failedRefundedJob(userId, { topColour: MAGENTA });
    await adminRetryJob({ actor: admin, jobId: id, ...retryBody() });
    await drainInline(30_000);
    expect((await TryonJob.findById(id).lean())?.status).toBe('failed');
    await adminRetryJob({ actor: admin, jobId: id, ...retryBody('second try') });
    await drainInline(30_000);
    const job = await TryonJob.findById(id).lean();
    expect(job).toMatchObject({ status: 'failed', adminRetries: 2 });
    expect(await entries(id, 'usage')).toHaveLength(1);
    expect(await entries(id, 'refund')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(before.total);
    expect(await AuditLog.countDocuments({ action: 'tryon_job.retry', entityId: id })).toBe(2);
    await expectReconciled();
  });

  it('a failed job that was never refunded is refunded once when the retry fails too', async () => {
    const userId = await createUser();
    const before = await getBalance(userId);
    const job = await createQueuedJob(userId, {
      status: 'processing',
      startedAt: new Date(),
      topColour: MAGENTA,
    });
    const id = job._id.toString();
    await failJob(id, { code: 'provider_error', message: 'crashed before the refund' });
    expect((await getBalance(userId)).total).toBe(before.total - 1);
    await adminRetryJob({ actor: admin, jobId: id, ...retryBody() });
    await drainInline(30_000);
    expect(await entries(id, 'refund')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(before.total);
    await expectReconciled();
  });

  it('a double-submitted dialog re-queues once; concurrent admins with other keys get 409', async () => {
    const userId = await createUser();
    const id = await failedRefundedJob(userId, { topColour: MAGENTA });
    const body = retryBody();
    const bodies = [body, body, ...Array.from({ length: 8 }, () => retryBody())];
    const results = await Promise.allSettled(
      bodies.map((b) => adminRetryJob({ actor: admin, jobId: id, ...b })),
    );
    const made = results.flatMap((r, i) =>
      r.status === 'fulfilled' && !r.value.replayed ? [bodies[i]] : [],
    );
    expect(made).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('conflict');
    }
    await drainInline(30_000);
    expect(await AdminOperation.countDocuments({ entityId: id, status: 'succeeded' })).toBe(1);
    expect(await AuditLog.countDocuments({ action: 'tryon_job.retry', entityId: id })).toBe(1);
    expect((await TryonJob.findById(id).lean())?.adminRetries).toBe(1);
    expect(await entries(id, 'refund')).toHaveLength(1);
    // The winning key again, later: a replay, not a second retry.
    const again = await adminRetryJob({ actor: admin, jobId: id, ...made[0]! });
    expect(again.replayed).toBe(true);
    expect((await TryonJob.findById(id).lean())?.adminRetries).toBe(1);
    await expectReconciled();
  });

  it('refuses jobs that are not failed, and failed jobs whose photos are gone', async () => {
    const userId = await createUser();
    const done = await createQueuedJob(userId, { status: 'completed' });
    expect(
      await codeOf(adminRetryJob({ actor: admin, jobId: done._id.toString(), ...retryBody() })),
    ).toBe('invalid_state');
    const id = await failedRefundedJob(userId);
    const job = await TryonJob.findById(id).lean();
    const { Asset } = await import('@/models');
    await Asset.deleteOne({ _id: job?.inputs?.userImageId });
    expect(await codeOf(adminRetryJob({ actor: admin, jobId: id, ...retryBody() }))).toBe(
      'invalid_state',
    );
    expect((await TryonJob.findById(id).lean())?.status).toBe('failed');
  });

  it('the sweeper measures a re-queued job from the retry, not from its first queueing', async () => {
    const userId = await createUser();
    const old = new Date(Date.now() - 60 * 60_000);
    const job = await createQueuedJob(userId, { queuedAt: old });
    await TryonJob.updateOne({ _id: job._id }, { $set: { retriedAt: new Date() } });
    expect(await findStuckJobs()).not.toContain(job._id.toString());
    await TryonJob.updateOne({ _id: job._id }, { $set: { retriedAt: old } });
    expect(await findStuckJobs()).toContain(job._id.toString());
    await TryonJob.deleteOne({ _id: job._id });
  });
});

describe('adminRefundJob (shares refund:<jobId> with the automatic refund)', () => {
  it('20 parallel refunds of a completed job: one refund entry, one audit entry, reconcile clean', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 10);
    const job = await createQueuedJob(userId, { mode: 'full', status: 'completed' });
    const id = job._id.toString();
    const before = await getBalance(userId);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        adminRefundJob({ actor: admin, jobId: id, reason: 'bad result, sleeves melted' }),
      ),
    );
    expect(results.filter((r) => r.refunded)).toHaveLength(1);
    expect(results.every((r) => r.credits === 2)).toBe(true);
    expect(await entries(id, 'refund')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(before.total + 2);
    const audits = await AuditLog.find({ action: 'tryon_job.refund', entityId: id }).lean();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      reason: 'bad result, sleeves melted',
      before: { refunded: false },
      after: { refunded: true, credits: 2 },
    });
    // The automatic path afterwards replays the same key.
    expect((await refundJob({ _id: job._id, userId: job.userId }, 'late')).replayed).toBe(true);
    expect(await entries(id, 'refund')).toHaveLength(1);
    await expectReconciled();
  });

  it('hammer: 20 admin refunds racing the automatic fail-and-refund of a processing job → one refund', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId, { status: 'processing', startedAt: new Date() });
    const id = job._id.toString();
    const before = await getBalance(userId);
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, () =>
        adminRefundJob({ actor: admin, jobId: id, reason: 'support refund race' }),
      ),
      failAndRefundJob(id, { code: 'timeout', message: 'stuck' }),
      failAndRefundJob(id, { code: 'timeout', message: 'stuck' }),
    ]);
    for (const r of results) {
      // Admin calls that read the job while it was still processing are refused, never half-applied.
      if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('invalid_state');
    }
    expect(await entries(id, 'refund')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(before.total + 1);
    // Whoever won, an admin refund now replays.
    const late = await adminRefundJob({
      actor: admin,
      jobId: id,
      reason: 'again please',
    });
    expect(late.refunded).toBe(false);
    expect(
      await AuditLog.countDocuments({ action: 'tryon_job.refund', entityId: id }),
    ).toBeLessThanOrEqual(1);
    await expectReconciled();
  });

  it('hammer: a failed job whose refund never ran, 20 admin refunds + 5 automatic retries → one refund', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId, { status: 'processing', startedAt: new Date() });
    const id = job._id.toString();
    await failJob(id, { code: 'provider_error', message: 'crashed before the refund' });
    const before = await getBalance(userId);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () =>
        adminRefundJob({ actor: admin, jobId: id, reason: 'refund never ran' }).then((r) =>
          r.refunded ? 'admin' : 'replay',
        ),
      ),
      ...Array.from({ length: 5 }, () =>
        failAndRefundJob(id, { code: 'x', message: 'y' }).then((r) =>
          r.refundedCredits > 0 ? 'auto' : 'auto-none',
        ),
      ),
    ]);
    expect(results.filter((r) => r === 'admin').length).toBeLessThanOrEqual(1);
    expect(await entries(id, 'refund')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(before.total + 1);
    await expectReconciled();
  });

  it('refuses a running job and a job that was never charged', async () => {
    const userId = await createUser();
    const queued = await createQueuedJob(userId);
    expect(
      await codeOf(
        adminRefundJob({
          actor: admin,
          jobId: queued._id.toString(),
          reason: 'too early',
        }),
      ),
    ).toBe('invalid_state');
    await TryonJob.deleteOne({ _id: queued._id });
    const free = await createQueuedJob(userId, { status: 'completed', charge: false });
    expect(
      await codeOf(
        adminRefundJob({
          actor: admin,
          jobId: free._id.toString(),
          reason: 'nothing paid',
        }),
      ),
    ).toBe('invalid_state');
    expect(await AuditLog.countDocuments({ entityId: free._id.toString() })).toBe(0);
  });
});
