import { User } from '@/models';
import type { Role, UserStatus } from '@/models/user';

export interface UserStats {
  total: number;
  byStatus: Partial<Record<UserStatus, number>>;
  byRole: Partial<Record<Role, number>>;
  signedInLast7Days: number;
}

/** Counts for the admin overview (plain $match/$group, which FerretDB supports). */
export async function getUserStats(now = new Date()): Promise<UserStats> {
  const [statusRows, roleRows, recent] = await Promise.all([
    User.aggregate<{ _id: UserStatus; n: number }>([
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ]),
    User.aggregate<{ _id: Role; n: number }>([
      { $match: { status: { $ne: 'deleted' } } },
      { $group: { _id: '$role', n: { $sum: 1 } } },
    ]),
    User.countDocuments({
      status: 'active',
      lastLoginAt: { $gte: new Date(now.getTime() - 7 * 24 * 3600 * 1000) },
    }),
  ]);
  const byStatus = Object.fromEntries(statusRows.map((r) => [r._id, r.n])) as UserStats['byStatus'];
  const byRole = Object.fromEntries(roleRows.map((r) => [r._id, r.n])) as UserStats['byRole'];
  const total = statusRows.reduce((sum, r) => sum + r.n, 0);
  return { total, byStatus, byRole, signedInLast7Days: recent };
}
