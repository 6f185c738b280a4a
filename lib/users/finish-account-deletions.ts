import { Asset, TryonJob, User } from '@/models';
import { deleteAccount } from './delete-account';

/**
 * Daily safety net for account deletion: a try-on that was still running
 * when its owner deleted their account can store its output afterwards.
 * Re-runs the (idempotent) deletion for every deleted account that still
 * owns jobs or images. Returns the accounts it finished.
 */
export async function finishAccountDeletions(): Promise<{ finished: string[] }> {
  const deleted = await User.find({ status: 'deleted' }, { _id: 1 }).lean();
  if (deleted.length === 0) return { finished: [] };
  const ids = deleted.map((u) => u._id);
  const [withJobs, withAssets] = await Promise.all([
    TryonJob.distinct('userId', { userId: { $in: ids } }),
    Asset.distinct('ownerId', { ownerId: { $in: ids } }),
  ]);
  const pending = [...new Set([...withJobs, ...withAssets].map((id) => String(id)))];
  for (const userId of pending) await deleteAccount({ userId });
  return { finished: pending };
}
