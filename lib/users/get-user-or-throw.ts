import { User, type UserDoc } from '@/models';
import { notFound } from '@/lib/errors';

/** Any user by id, including suspended and deleted ones (admins see those too). */
export async function getUserOrThrow(userId: string): Promise<UserDoc> {
  if (!/^[0-9a-f]{24}$/i.test(userId)) throw notFound('User');
  const user = await User.findById(userId).lean<UserDoc>();
  if (!user) throw notFound('User');
  return user;
}
