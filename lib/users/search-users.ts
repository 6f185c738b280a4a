import type { QueryFilter } from 'mongoose';
import { User, type UserDoc } from '@/models';
import type { SearchUsersQuery } from './schemas';

export interface UserPage {
  users: UserDoc[];
  page: number;
  limit: number;
  total: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Admin search: email or name contains `q` (or `q` is the id), newest first, paginated. */
export async function searchUsers(query: SearchUsersQuery): Promise<UserPage> {
  const filter: QueryFilter<UserDoc> = {
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  if (query.q) {
    const pattern = new RegExp(escapeRegex(query.q), 'i');
    filter.$or = [
      { email: pattern },
      { name: pattern },
      ...(/^[0-9a-f]{24}$/i.test(query.q) ? [{ _id: query.q }] : []),
    ];
  }
  const [users, total] = await Promise.all([
    User.find(filter)
      .select('-__v')
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean(),
    User.countDocuments(filter),
  ]);
  return { users: users as UserDoc[], page: query.page, limit: query.limit, total };
}
