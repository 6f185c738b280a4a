import { describe, expect, it } from 'vitest';
import { InngestTestEngine } from '@inngest/test';
import { Types } from 'mongoose';
import { Asset, TryonJob, User } from '@/models';
import { finishAccountDeletions } from '@/inngest/finish-account-deletions';
import { deleteAccount } from './delete-account';

async function leftoverFor(userId: Types.ObjectId) {
  const asset = await Asset.create({
    ownerId: userId,
    sha256: 'a'.repeat(64),
    kind: 'output',
    contentType: 'image/webp',
    size: 3,
    width: 256,
    height: 256,
    data: Buffer.from('abc'),
  });
  await TryonJob.create({
    userId,
    source: { kind: 'web' },
    mode: 'top',
    status: 'completed',
    inputs: { userImageId: asset._id, topImageId: asset._id },
    outputImageId: asset._id,
    creditsUsed: 1,
    clientKey: `${userId.toString()}:auto:${new Types.ObjectId().toString()}`,
    queuedAt: new Date(),
  });
}

describe('finish-account-deletions (daily)', () => {
  it('removes jobs and images that reached a deleted account afterwards, and nothing else', async () => {
    const gone = await User.create({ email: 'gone@example.test', name: 'Gone' });
    const kept = await User.create({ email: 'kept@example.test', name: 'Kept' });
    await deleteAccount({ userId: gone._id.toString() });
    await leftoverFor(gone._id); // a try-on that finished after the deletion
    await leftoverFor(kept._id);

    const t = new InngestTestEngine({ function: finishAccountDeletions.fn });
    const { result } = await t.execute();
    expect(result).toEqual({ finished: 1 });
    expect(await TryonJob.countDocuments({ userId: gone._id })).toBe(0);
    expect(await Asset.countDocuments({ ownerId: gone._id })).toBe(0);
    expect(await TryonJob.countDocuments({ userId: kept._id })).toBe(1);
    expect(await Asset.countDocuments({ ownerId: kept._id })).toBe(1);

    const again = await new InngestTestEngine({ function: finishAccountDeletions.fn }).execute();
    expect(again.result).toEqual({ finished: 0 });
  });
});
