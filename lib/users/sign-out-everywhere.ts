import { User } from '@/models';
import { notFound } from '@/lib/errors';

/**
 * Revokes every session of the person, on every device: tokens carry the
 * session version they were issued with, and any older one is refused from
 * the next request on. `$inc` needs no read-modify-write: concurrent calls all
 * leave a version that no existing token carries.
 */
export async function signOutEverywhere(userId: string): Promise<{ sessionVersion: number }> {
  const updated = await User.findOneAndUpdate(
    { _id: userId, status: { $ne: 'deleted' } },
    { $inc: { sessionVersion: 1 } },
    { returnDocument: 'after' },
  ).lean(); // no projection: FerretDB's findAndModify does not support `fields`
  if (!updated) throw notFound('User');
  return { sessionVersion: updated.sessionVersion ?? 0 };
}
