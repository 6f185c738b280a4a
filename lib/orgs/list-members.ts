import { Membership, User, type MembershipDoc, type UserDoc } from '@/models';
import { requireMember } from './require-member';
import type { MemberView } from './serialize';

/** The organisation's members with their roles (any member may see them), oldest first. */
export async function membersOf(orgId: string): Promise<MemberView[]> {
  const memberships = await Membership.find({ orgId })
    .sort({ createdAt: 1 })
    .limit(1000)
    .lean<Array<MembershipDoc & { createdAt?: Date }>>();
  const users = await User.find(
    { _id: { $in: memberships.map((m) => m.userId) } },
    { email: 1, name: 1 },
  ).lean<UserDoc[]>();
  const byId = new Map(users.map((u) => [u._id.toString(), u]));
  return memberships.map((m) => {
    const u = byId.get(m.userId.toString());
    return {
      user_id: m.userId.toString(),
      email: u?.email ?? '',
      name: u?.name ?? null,
      role: m.role,
      joined_at: (m.createdAt ?? new Date(0)).toISOString(),
    };
  });
}

export async function listMembers(orgId: string, userId: string): Promise<MemberView[]> {
  await requireMember(orgId, userId);
  return membersOf(orgId);
}
