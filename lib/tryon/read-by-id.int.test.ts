import { beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { AppError } from '@/lib/errors';
import { getImageForOwner } from '@/lib/storage';
import { filterKeys, recordQueries } from '@/lib/testing/record-queries';
import { TryonJob } from '@/models/tryon-job';
import { deleteTryonJob, getTryonJobOrThrow, setTryonFavorite } from './index';
import { createQueuedJob, createUser, seedPrompts } from '@/lib/testing/tryon-fixtures';

/**
 * Issue 13: every per-request read of a job or image is by `_id` alone with
 * the owner checked in code. FerretDB's SQLite engine pushes down only
 * `{ _id: <ObjectId> }`; `{ _id, userId }` scanned every job of every user
 * (2 s with 20,000 jobs of another user). Asserted on the query shape, not on
 * timing.
 */
async function expectNotFound(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('not_found');
}

describe('per-request reads are by _id alone', () => {
  let owner: string;
  let stranger: string;
  beforeAll(async () => {
    await seedPrompts();
    owner = await createUser();
    stranger = await createUser();
  });

  it('reads a job by _id alone and answers 404 for another user', async () => {
    const job = await createQueuedJob(owner, { charge: false });
    const id = job._id.toString();
    const { result, queries } = await recordQueries(() => getTryonJobOrThrow(owner, id));
    expect(result._id.toString()).toBe(id);
    expect(filterKeys(queries, 'tryon_jobs')).toEqual([['_id']]);
    await expectNotFound(getTryonJobOrThrow(stranger, id));
    await expectNotFound(getTryonJobOrThrow(owner, new Types.ObjectId().toString()));
  });

  it('marks a favourite through _id-only filters, and never another user’s job', async () => {
    const job = await createQueuedJob(owner, { charge: false });
    const id = job._id.toString();
    const { result, queries } = await recordQueries(() => setTryonFavorite(owner, id, true));
    expect(result.favorite).toBe(true);
    expect(filterKeys(queries, 'tryon_jobs')).toEqual([['_id'], ['_id']]);
    await expectNotFound(setTryonFavorite(stranger, id, false));
    expect((await TryonJob.findById(job._id).lean())?.favorite).toBe(true);
  });

  it('reads an image by _id alone and hides another owner’s', async () => {
    const job = await createQueuedJob(owner, { charge: false });
    const assetId = job.inputs!.userImageId.toString();
    const { result, queries } = await recordQueries(() =>
      getImageForOwner(assetId, owner, { withData: false }),
    );
    expect(result.id).toBe(assetId);
    expect(filterKeys(queries, 'assets')).toEqual([['_id']]);
    await expectNotFound(getImageForOwner(assetId, stranger));
  });

  it('deletes a finished job reading and deleting it by _id', async () => {
    const job = await createQueuedJob(owner, { status: 'completed', charge: false });
    const id = job._id.toString();
    await expectNotFound(deleteTryonJob(stranger, id));
    const { result, queries } = await recordQueries(() => deleteTryonJob(owner, id));
    expect(result.result).toBe('deleted');
    for (const keys of filterKeys(queries, 'tryon_jobs').filter((k) => k.includes('_id')))
      expect(keys).toEqual(['_id']);
    expect(await TryonJob.findById(job._id).lean()).toBeNull();
  });
});
