import { beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { AppError } from '@/lib/errors';
import { filterKeys, recordQueries } from '@/lib/testing/record-queries';
import { Asset } from '@/models';
import { getWardrobeItem } from './index';
import { createQueuedJob, createUser, seedPrompts } from '@/lib/testing/tryon-fixtures';

/** The wardrobe detail page's read: owner only, by `_id` alone, and honest about deleted images. */
describe('getWardrobeItem', () => {
  let owner: string;
  let stranger: string;
  beforeAll(async () => {
    await seedPrompts();
    owner = await createUser();
    stranger = await createUser();
  });

  it('gives the owner the job with its input ids, every read by _id alone', async () => {
    const job = await createQueuedJob(owner, { mode: 'full', charge: false });
    const id = job._id.toString();
    const { result, queries } = await recordQueries(() => getWardrobeItem(owner, id));
    expect(result.job.id).toBe(id);
    expect(result.job.mode).toBe('full');
    expect(result.job.inputs).toEqual({
      user_image_id: job.inputs!.userImageId.toString(),
      top_image_id: job.inputs!.topImageId.toString(),
      bottom_image_id: job.inputs!.bottomImageId!.toString(),
    });
    expect(result.images).toEqual({
      person: job.inputs!.userImageId.toString(),
      top: job.inputs!.topImageId.toString(),
      bottom: job.inputs!.bottomImageId!.toString(),
      output: false,
    });
    expect(filterKeys(queries, 'tryon_jobs')).toEqual([['_id']]);
    expect(filterKeys(queries, 'assets')).toEqual([['_id'], ['_id'], ['_id']]);
  });

  it('answers not_found for another user’s job and for an unknown or malformed id', async () => {
    const job = await createQueuedJob(owner, { charge: false });
    for (const [user, id] of [
      [stranger, job._id.toString()],
      [owner, new Types.ObjectId().toString()],
      [owner, 'not-an-id'],
    ] as const) {
      const err = await getWardrobeItem(user, id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('not_found');
    }
  });

  it('reports an input deleted by retention as gone, keeping the rest', async () => {
    const job = await createQueuedJob(owner, { topColour: '#1d4ed8', charge: false });
    await Asset.deleteOne({ _id: job.inputs!.userImageId });
    const item = await getWardrobeItem(owner, job._id.toString());
    expect(item.images.person).toBeNull();
    expect(item.images.top).toBe(job.inputs!.topImageId.toString());
    expect(item.images.bottom).toBeNull();
  });
});
