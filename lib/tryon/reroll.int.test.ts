import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { getBalance, reconcile } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import { drainInline } from '@/lib/jobs';
import { CreditTransaction, JobClaim } from '@/models';
import { TryonJob } from '@/models/tryon-job';
import { TryonReport } from '@/models/tryon-report';
import { createQueuedJob, createUser, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { adminGetJob } from './admin-get-job';
import { REROLL_DAILY_LIMIT, reportTryonJob, rerollUsageKey } from './index';

async function completedJob(userId: string, charge = true) {
  const job = await createQueuedJob(userId, { status: 'completed', charge });
  return job._id.toString();
}

async function ledger(userId: string) {
  return (await CreditTransaction.find({ userId }).sort({ seq: 1 }).lean()).map((e) => ({
    type: e.type,
    credits: e.credits,
    key: e.idempotencyKey,
    ref: e.referenceId,
  }));
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  await seedPrompts();
});
afterEach(() => drainInline(30_000));

describe('"not right" reports and the free re-roll (real database)', () => {
  it('the first report re-rolls once for free; a second report is recorded and does not', async () => {
    const userId = await createUser();
    const jobId = await completedJob(userId);
    const before = await getBalance(userId);

    const first = await reportTryonJob({
      ownerId: userId,
      actorUserId: userId,
      jobId,
      reason: 'garment_changed',
      note: 'The logo is gone',
    });
    expect(first).toMatchObject({ job_id: jobId, regenerated: true, not_regenerated_reason: null });
    const rerollId = first.reroll_job_id;
    expect(rerollId).toBeTruthy();

    const second = await reportTryonJob({
      ownerId: userId,
      actorUserId: userId,
      jobId,
      reason: 'face_changed',
    });
    expect(second).toEqual({
      job_id: jobId,
      reason: 'face_changed',
      regenerated: false,
      reroll_job_id: rerollId,
      not_regenerated_reason: 'already_rerolled',
    });

    // One re-roll job: same inputs and mode, free, linked both ways; it runs like any try-on.
    const rerolls = await TryonJob.find({ rerollOf: jobId }).lean();
    expect(rerolls).toHaveLength(1);
    await drainInline(30_000);
    const reroll = await TryonJob.findById(rerollId).orFail().lean();
    const original = await TryonJob.findById(jobId).orFail().lean();
    expect(reroll.status).toBe('completed');
    expect(reroll.creditsUsed).toBe(0);
    expect(reroll.outputImageId).toBeTruthy();
    expect(reroll.inputs).toEqual(original.inputs);
    expect(reroll.mode).toBe(original.mode);
    expect(original.rerollJobId?.toString()).toBe(rerollId);
    expect(original.report).toMatchObject({ reason: 'garment_changed', note: 'The logo is gone' });

    // Exactly one zero-credit usage entry, linked to the re-roll; balance unchanged, ledger whole.
    const entries = await ledger(userId);
    const zero = entries.filter((e) => e.key === rerollUsageKey(jobId));
    expect(zero).toEqual([
      { type: 'usage', credits: 0, key: rerollUsageKey(jobId), ref: rerollId },
    ]);
    expect(entries.filter((e) => e.type === 'refund')).toEqual([]);
    expect((await getBalance(userId)).total).toBe(before.total);
    expect((await reconcile()).ok).toBe(true);

    // A report on the re-roll itself is recorded but does not re-roll again.
    const onReroll = await reportTryonJob({
      ownerId: userId,
      actorUserId: userId,
      jobId: rerollId ?? '',
      reason: 'artefacts',
    });
    expect(onReroll).toMatchObject({ regenerated: false, not_regenerated_reason: 'is_reroll' });
    expect(await TryonJob.countDocuments({ userId, rerollOf: { $exists: true } })).toBe(1);

    // Admins see both reports with their reasons, and the link to the re-roll.
    const admin = await adminGetJob(jobId);
    expect(admin.reroll_job_id).toBe(rerollId);
    expect(admin.reports.map((r) => [r.seq, r.reason, r.regenerated])).toEqual([
      [1, 'garment_changed', true],
      [2, 'face_changed', false],
    ]);
    expect(admin.reports[0]?.note).toBe('The logo is gone');
    expect((await adminGetJob(rerollId ?? '')).reroll_of).toBe(jobId);
  });

  it('concurrent reports of one job: exactly one re-roll, one zero entry, one slot used', async () => {
    const userId = await createUser();
    const jobId = await completedJob(userId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        reportTryonJob({ ownerId: userId, actorUserId: userId, jobId, reason: 'artefacts' }),
      ),
    );
    expect(results.filter((r) => r.regenerated)).toHaveLength(1);
    expect(await TryonJob.countDocuments({ rerollOf: jobId })).toBe(1);
    expect(await CreditTransaction.countDocuments({ idempotencyKey: rerollUsageKey(jobId) })).toBe(
      1,
    );
    expect(await TryonReport.countDocuments({ jobId })).toBe(5);
    // Past five reports of one job, a further one is refused as a conflict (never a re-roll).
    const sixth = await failure(
      reportTryonJob({ ownerId: userId, actorUserId: userId, jobId, reason: 'other' }),
    );
    expect(sixth.code).toBe('conflict');
    expect(await JobClaim.countDocuments({ _id: { $regex: `^reroll:${userId}:` } })).toBe(1);
    expect((await reconcile()).ok).toBe(true);
  });

  it(`a person gets ${REROLL_DAILY_LIMIT} free re-rolls a day, even when asking all at once`, async () => {
    const userId = await createUser();
    const jobs = await Promise.all(
      Array.from({ length: REROLL_DAILY_LIMIT + 3 }, () => completedJob(userId, false)),
    );
    const outcomes = await Promise.all(
      jobs.map((jobId) =>
        reportTryonJob({
          ownerId: userId,
          actorUserId: userId,
          jobId,
          reason: 'body_changed',
        }).then(
          (r) => (r.regenerated ? 'rerolled' : 'recorded'),
          (e: unknown) => (e instanceof AppError ? e.code : 'error'),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'rerolled')).toHaveLength(REROLL_DAILY_LIMIT);
    expect(outcomes.filter((o) => o === 'reroll_limit_reached')).toHaveLength(3);
    expect(await TryonJob.countDocuments({ userId, rerollOf: { $exists: true } })).toBe(
      REROLL_DAILY_LIMIT,
    );
    // A refused report leaves nothing behind: it may be made again tomorrow.
    expect(await TryonReport.countDocuments({ userId })).toBe(REROLL_DAILY_LIMIT);

    const another = await completedJob(userId, false);
    const refused = await failure(
      reportTryonJob({ ownerId: userId, actorUserId: userId, jobId: another, reason: 'other' }),
    );
    expect(refused.code).toBe('reroll_limit_reached');
    expect(refused.status).toBe(429);
    expect(refused.details).toMatchObject({ limit: REROLL_DAILY_LIMIT });
    expect((refused.details as { resets_at: string }).resets_at).toMatch(/T00:00:00\.000Z$/);
  });

  it('a first report whose run died before the re-roll started is finished by the next report', async () => {
    const userId = await createUser();
    const jobId = await completedJob(userId);
    // What a crash right after the claim of the first report leaves: the report, no re-roll.
    await TryonReport.collection.insertOne({
      _id: `${jobId}:1` as never,
      jobId: new Types.ObjectId(jobId),
      userId: new Types.ObjectId(userId),
      actorUserId: new Types.ObjectId(userId),
      seq: 1,
      reason: 'artefacts',
      regenerated: true,
      createdAt: new Date(Date.now() - 5 * 60_000),
    });
    const next = await reportTryonJob({
      ownerId: userId,
      actorUserId: userId,
      jobId,
      reason: 'other',
    });
    expect(next.regenerated).toBe(false);
    expect(next.reroll_job_id).toMatch(/^[0-9a-f]{24}$/);
    await drainInline(30_000);
    const reroll = await TryonJob.findById(next.reroll_job_id).orFail().lean();
    expect(reroll.status).toBe('completed');
    expect(reroll.rerollOf?.toString()).toBe(jobId);
    expect(await CreditTransaction.countDocuments({ idempotencyKey: rerollUsageKey(jobId) })).toBe(
      1,
    );
    // A further report finds the re-roll and starts nothing.
    const again = await reportTryonJob({
      ownerId: userId,
      actorUserId: userId,
      jobId,
      reason: 'other',
    });
    expect(again.reroll_job_id).toBe(next.reroll_job_id);
    expect(await TryonJob.countDocuments({ rerollOf: jobId })).toBe(1);
    expect((await reconcile()).ok).toBe(true);
  });

  it('a test-mode try-on (livemode false) re-rolls in test mode and never touches the ledger', async () => {
    const userId = await createUser();
    const jobId = await completedJob(userId, false);
    await TryonJob.updateOne({ _id: jobId }, { $set: { livemode: false } });
    const before = await ledger(userId);
    // A live caller does not see it; the test data space does.
    await expect(
      reportTryonJob({ ownerId: userId, actorUserId: userId, jobId, reason: 'other' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const res = await reportTryonJob({
      ownerId: userId,
      actorUserId: userId,
      jobId,
      reason: 'other',
      livemode: false,
    });
    expect(res.regenerated).toBe(true);
    const reroll = await TryonJob.findById(res.reroll_job_id).orFail().lean();
    expect(reroll.livemode).toBe(false);
    expect(await ledger(userId)).toEqual(before);
  });

  it('only the owner, only a finished try-on', async () => {
    const userId = await createUser();
    const other = await createUser();
    const done = await completedJob(userId);
    expect(
      (
        await failure(
          reportTryonJob({ ownerId: other, actorUserId: other, jobId: done, reason: 'other' }),
        )
      ).code,
    ).toBe('not_found');
    const queued = (await createQueuedJob(userId, { charge: false }))._id.toString();
    const notDone = await failure(
      reportTryonJob({ ownerId: userId, actorUserId: userId, jobId: queued, reason: 'other' }),
    );
    expect(notDone.code).toBe('invalid_state');
    expect(await TryonReport.countDocuments({ userId })).toBe(0);
  });
});
