import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { getBalance, reconcile } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import { Asset, CreditTransaction } from '@/models';
import { TryonJob } from '@/models/tryon-job';
import { AppError } from '@/lib/errors';
import {
  createTryonJob,
  deleteTryonJob,
  getTryonJobOrThrow,
  listTryonJobs,
  listTryonQuerySchema,
  setTryonFavorite,
  type TryonSubmission,
} from './index';
import { tryonImageResponse } from '@/lib/api/tryon-image-response';
import {
  createQueuedJob,
  createUser,
  givePaidCredits,
  makeImage,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';

async function submission(
  mode: 'top' | 'full',
  opts: { key?: string; topColour?: string } = {},
): Promise<TryonSubmission> {
  const images = {
    user: await makeImage('#c8a27a'),
    top: await makeImage(opts.topColour ?? '#1f6feb'),
    ...(mode === 'full' ? { bottom: await makeImage('#2d333b') } : {}),
  };
  const { createHash } = await import('node:crypto');
  const h = createHash('sha256').update(mode);
  for (const b of Object.values(images)) h.update(b);
  return {
    mode,
    images,
    requestHash: h.digest('hex'),
    ...(opts.key ? { idempotencyKey: opts.key } : {}),
  };
}

async function ledger(userId: string, type: 'usage' | 'refund') {
  return (await CreditTransaction.find({ userId, type }).lean()) as Array<{
    idempotencyKey: string;
    credits: number;
  }>;
}

async function expectCode(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

beforeAll(async () => {
  await seedPrompts();
});

afterEach(async () => {
  // Inline mode runs the generation in the background: let it finish before the next test.
  await drainInline(30_000);
});

describe('createTryonJob', () => {
  it('creates a queued web job, reserves 1 credit for a top and runs it to completion', async () => {
    const userId = await createUser();
    const { job, replayed } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('top'),
    });
    expect(replayed).toBe(false);
    expect(job.status).toBe('queued');
    expect(job.creditsUsed).toBe(1);
    expect(job.source?.kind).toBe('web');
    expect((await getBalance(userId)).total).toBe(2);
    const usage = await ledger(userId, 'usage');
    expect(usage.map((e) => e.idempotencyKey)).toEqual([`usage:${job._id.toString()}`]);

    await drainInline();
    const done = await getTryonJobOrThrow(userId, job._id.toString());
    expect(done.status).toBe('completed');
    expect(done.provider).toBe('local');
    expect(done.promptVersion).toBe(1);
    expect(done.promptId).toBeTruthy();
    expect(done.processingMs).toBeGreaterThanOrEqual(0);
    expect(done.startedAt).toBeInstanceOf(Date);
    const image = await tryonImageResponse(userId, job._id.toString());
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
  });

  it('reserves 2 credits for a full outfit and records an API job with its key id', async () => {
    const userId = await createUser();
    const apiKeyId = new Types.ObjectId().toString();
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'api', apiKeyId },
      submission: await submission('full'),
    });
    expect(job.creditsUsed).toBe(2);
    expect(job.source?.kind).toBe('api');
    expect(job.source?.apiKeyId?.toString()).toBe(apiKeyId);
    expect((await getBalance(userId)).total).toBe(1);
    expect(job.inputs?.bottomImageId).toBeTruthy();
  });

  it('replays the same Idempotency-Key + request as the same job without a second charge', async () => {
    const userId = await createUser();
    const sub = await submission('top', { key: 'order-42' });
    const first = await createTryonJob({ userId, source: { kind: 'web' }, submission: sub });
    const second = await createTryonJob({ userId, source: { kind: 'web' }, submission: sub });
    expect(second.replayed).toBe(true);
    expect(second.job._id.toString()).toBe(first.job._id.toString());
    expect(await ledger(userId, 'usage')).toHaveLength(1);
    expect(await TryonJob.countDocuments({ userId })).toBe(1);
    expect((await getBalance(userId)).total).toBe(2);
  });

  it('concurrent requests with one Idempotency-Key make one job and one charge', async () => {
    const userId = await createUser();
    const sub = await submission('top', { key: 'double-click' });
    const results = await Promise.all(
      [1, 2, 3].map(() => createTryonJob({ userId, source: { kind: 'web' }, submission: sub })),
    );
    expect(new Set(results.map((r) => r.job._id.toString())).size).toBe(1);
    expect(await ledger(userId, 'usage')).toHaveLength(1);
    expect(await TryonJob.countDocuments({ userId })).toBe(1);
  });

  it('refuses the same Idempotency-Key with a different request (409 idempotency_conflict)', async () => {
    const userId = await createUser();
    await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('top', { key: 'k1' }),
    });
    await expectCode(
      createTryonJob({
        userId,
        source: { kind: 'web' },
        submission: await submission('top', { key: 'k1', topColour: '#ff8800' }),
      }),
      'idempotency_conflict',
    );
    expect(await ledger(userId, 'usage')).toHaveLength(1);
  });

  it('the same Idempotency-Key of another user is another job', async () => {
    const a = await createUser();
    const b = await createUser();
    const sub = await submission('top', { key: 'shared' });
    const ja = await createTryonJob({ userId: a, source: { kind: 'web' }, submission: sub });
    const jb = await createTryonJob({ userId: b, source: { kind: 'web' }, submission: sub });
    expect(ja.job._id.toString()).not.toBe(jb.job._id.toString());
  });

  it('answers 402 with nothing charged and no job left when credits are short', async () => {
    const userId = await createUser();
    await createTryonJob({ userId, source: { kind: 'web' }, submission: await submission('full') }); // 3 → 1
    await expectCode(
      createTryonJob({ userId, source: { kind: 'web' }, submission: await submission('full') }),
      'insufficient_credits',
    );
    expect(await TryonJob.countDocuments({ userId })).toBe(1);
    expect(await ledger(userId, 'usage')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(1);
  });

  it('when two requests race for the last credits, the loser leaves no job, no charge and no images', async () => {
    const userId = await createUser();
    const [s1, s2] = [await submission('full'), await submission('full', { topColour: '#aa2222' })];
    const results = await Promise.allSettled([
      createTryonJob({ userId, source: { kind: 'web' }, submission: s1 }),
      createTryonJob({ userId, source: { kind: 'web' }, submission: s2 }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(((refused[0] as PromiseRejectedResult).reason as AppError).code).toBe(
      'insufficient_credits',
    );
    expect(await TryonJob.countDocuments({ userId })).toBe(1);
    expect(
      await TryonJob.countDocuments({
        userId,
        status: 'queued',
        _id: { $ne: (ok[0] as PromiseFulfilledResult<{ job: { _id: unknown } }>).value.job._id },
      }),
    ).toBe(0);
    expect(await ledger(userId, 'usage')).toHaveLength(1);
    await drainInline();
    // Only the winner's 3 inputs and its output remain (the loser's distinct top was removed).
    expect(await Asset.countDocuments({ ownerId: userId, kind: 'input' })).toBe(3);
    const report = await reconcile();
    expect(report.differences).toEqual([]);
  });

  it('refuses a broken image with its lib/images code and the field name, charging nothing', async () => {
    const userId = await createUser();
    const sub = await submission('top');
    sub.images.top = Buffer.from('definitely not an image');
    const err = await createTryonJob({ userId, source: { kind: 'web' }, submission: sub }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unsupported_image_type');
    expect((err as AppError).message).toMatch(/^top_image:/);
    expect(await TryonJob.countDocuments({ userId })).toBe(0);
    expect(await Asset.countDocuments({ ownerId: userId })).toBe(0);
    expect((await getBalance(userId)).total).toBe(3);
  });
});

describe('reading, listing and favourites', () => {
  it("another user's job id is not_found everywhere", async () => {
    const owner = await createUser();
    const other = await createUser();
    const job = await createQueuedJob(owner);
    const id = job._id.toString();
    await expectCode(getTryonJobOrThrow(other, id), 'not_found');
    await expectCode(deleteTryonJob(other, id), 'not_found');
    await expectCode(setTryonFavorite(other, id, true), 'not_found');
    await expectCode(tryonImageResponse(other, id), 'not_found');
    await expectCode(getTryonJobOrThrow(owner, 'not-an-id'), 'not_found');
    expect((await TryonJob.findById(id).lean())?.status).toBe('queued');
  });

  it('the image is 409 invalid_state until the job is completed', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId);
    await expectCode(tryonImageResponse(userId, job._id.toString()), 'invalid_state');
  });

  it('lists newest first with mode/status/favourite filters and pagination', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 20);
    const made: string[] = [];
    for (const [mode, status] of [
      ['top', 'completed'],
      ['full', 'failed'],
      ['top', 'queued'],
      ['full', 'completed'],
      ['top', 'completed'],
    ] as const) {
      const job = await createQueuedJob(userId, { mode, status });
      made.push(job._id.toString());
      await new Promise((r) => setTimeout(r, 5)); // distinct createdAt
    }
    const other = await createUser();
    await createQueuedJob(other);

    const all = await listTryonJobs(userId, listTryonQuerySchema.parse({}));
    expect(all.total).toBe(5);
    expect(all.data.map((j) => j.id)).toEqual([...made].reverse());

    const page1 = await listTryonJobs(
      userId,
      listTryonQuerySchema.parse({ page: '1', limit: '2' }),
    );
    const page3 = await listTryonJobs(
      userId,
      listTryonQuerySchema.parse({ page: '3', limit: '2' }),
    );
    expect(page1.data.map((j) => j.id)).toEqual([made[4], made[3]]);
    expect(page1.has_more).toBe(true);
    expect(page3.data.map((j) => j.id)).toEqual([made[0]]);
    expect(page3.has_more).toBe(false);

    const tops = await listTryonJobs(userId, listTryonQuerySchema.parse({ mode: 'top' }));
    expect(tops.total).toBe(3);
    const completedFull = await listTryonJobs(
      userId,
      listTryonQuerySchema.parse({ mode: 'full', status: 'completed' }),
    );
    expect(completedFull.data.map((j) => j.id)).toEqual([made[3]]);

    await setTryonFavorite(userId, made[1]!, true);
    const favs = await listTryonJobs(userId, listTryonQuerySchema.parse({ favorite: 'true' }));
    expect(favs.data.map((j) => [j.id, j.favorite])).toEqual([[made[1], true]]);
    await setTryonFavorite(userId, made[1]!, false);
    expect(
      (await listTryonJobs(userId, listTryonQuerySchema.parse({ favorite: 'true' }))).total,
    ).toBe(0);
  });
});

describe('deleteTryonJob', () => {
  it('cancels a queued job and refunds it once', async () => {
    const userId = await createUser();
    const job = await createQueuedJob(userId, { mode: 'full' });
    expect((await getBalance(userId)).total).toBe(1);
    const result = await deleteTryonJob(userId, job._id.toString());
    expect(result).toEqual({ id: job._id.toString(), result: 'canceled', credits_refunded: 2 });
    expect((await TryonJob.findById(job._id).lean())?.status).toBe('canceled');
    expect((await getBalance(userId)).total).toBe(3);
    // Deleting the canceled job afterwards removes it and refunds nothing more.
    const again = await deleteTryonJob(userId, job._id.toString());
    expect(again).toEqual({ id: job._id.toString(), result: 'deleted', credits_refunded: 0 });
    expect(await ledger(userId, 'refund')).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(3);
    expect(await TryonJob.countDocuments({ userId })).toBe(0);
  });

  it('refuses a processing job (409) and deletes a finished one with its images', async () => {
    const userId = await createUser();
    const processing = await createQueuedJob(userId, {
      status: 'processing',
      startedAt: new Date(),
    });
    await expectCode(deleteTryonJob(userId, processing._id.toString()), 'invalid_state');

    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('top', { topColour: '#00aa55' }),
    });
    await drainInline();
    const done = await getTryonJobOrThrow(userId, job._id.toString());
    expect(done.status).toBe('completed');
    const outputId = done.outputImageId!.toString();
    const topId = done.inputs!.topImageId.toString();
    const sharedUserPhoto = done.inputs!.userImageId.toString(); // also the processing job's person photo
    const result = await deleteTryonJob(userId, job._id.toString());
    expect(result.result).toBe('deleted');
    expect(result.credits_refunded).toBe(0);
    expect(await Asset.exists({ _id: outputId })).toBeNull();
    expect(await Asset.exists({ _id: topId })).toBeNull();
    expect(await Asset.exists({ _id: sharedUserPhoto })).not.toBeNull();
    expect(await ledger(userId, 'refund')).toHaveLength(0);
  });
});
