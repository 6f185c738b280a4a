import { Membership, membershipId, type MembershipDoc } from '@/models';
import type { OrgRole } from '@/models/enums';
import { recordAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { roleForbidden } from './can';
import { requireMember } from './require-member';
import type { MemberView } from './serialize';
import { membersOf } from './list-members';
import type { OrgActionInput } from './types';

const lastOwner = () =>
  new AppError('last_owner', 'An organisation needs an owner: make someone else owner first.');

async function targetOrThrow(orgId: string, userId: string): Promise<MembershipDoc> {
  const doc = await Membership.findById(membershipId(orgId, userId)).lean<MembershipDoc>();
  if (!doc) throw notFound('Member');
  return doc;
}

async function otherOwners(orgId: string, userId: string): Promise<number> {
  const owners = await Membership.find({ orgId, role: 'owner' }, { userId: 1 }).lean<
    MembershipDoc[]
  >();
  return owners.filter((m) => m.userId.toString() !== userId).length;
}

/**
 * After a change that may have taken away an owner: if none is left (two
 * owners demoting or removing each other at once both passed the check
 * before), undo this change and refuse. The check-then-write can race; this
 * re-check after the write cannot leave the organisation without an owner.
 */
async function keepAnOwner(orgId: string, undo: () => Promise<unknown>): Promise<void> {
  if ((await Membership.countDocuments({ orgId, role: 'owner' })) > 0) return;
  await undo();
  throw lastOwner();
}

async function viewOf(orgId: string, userId: string): Promise<MemberView> {
  const all = await membersOf(orgId);
  const view = all.find((m) => m.user_id === userId);
  if (!view) throw notFound('Member');
  return view;
}

/**
 * Changes a member's role (owners only). The last owner cannot be demoted:
 * another owner must exist first.
 */
export async function changeMemberRole(
  input: OrgActionInput & { userId: string; role: OrgRole },
): Promise<MemberView> {
  await requireMember(input.orgId, input.actor.userId, 'roles:manage');
  const target = await targetOrThrow(input.orgId, input.userId);
  if (target.role === input.role) return viewOf(input.orgId, input.userId);
  if (target.role === 'owner' && (await otherOwners(input.orgId, input.userId)) === 0)
    throw lastOwner();
  await Membership.updateOne({ _id: target._id }, { $set: { role: input.role } });
  if (target.role === 'owner')
    await keepAnOwner(input.orgId, () =>
      Membership.updateOne({ _id: target._id }, { $set: { role: 'owner' } }),
    );
  await recordAudit({
    actor: input.actor,
    action: 'organization.member.role',
    entity: { type: 'organization', id: input.orgId },
    before: { user: input.userId, role: target.role },
    after: { user: input.userId, role: input.role },
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return viewOf(input.orgId, input.userId);
}

/**
 * Removes a member (owners; admins for admins and members, not owners).
 * The membership document goes: the member's next request in this
 * organisation is refused (403 organization_access_revoked). Removing
 * oneself is leaving.
 */
export async function removeMember(
  input: OrgActionInput & { userId: string },
): Promise<{ removed: true; user_id: string }> {
  if (input.userId === input.actor.userId) {
    await leaveOrganization({ orgId: input.orgId, actor: input.actor, meta: input.meta });
    return { removed: true, user_id: input.userId };
  }
  const { membership } = await requireMember(input.orgId, input.actor.userId, 'members:manage');
  const target = await targetOrThrow(input.orgId, input.userId);
  if (target.role === 'owner' && membership.role !== 'owner') throw roleForbidden('roles:manage');
  if (target.role === 'owner' && (await otherOwners(input.orgId, input.userId)) === 0)
    throw lastOwner();
  await Membership.deleteOne({ _id: target._id });
  if (target.role === 'owner') await keepAnOwner(input.orgId, () => Membership.create(target));
  await recordAudit({
    actor: input.actor,
    action: 'organization.member.remove',
    entity: { type: 'organization', id: input.orgId },
    before: { user: input.userId, role: target.role },
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return { removed: true, user_id: input.userId };
}

/** Leaves an organisation; the last owner cannot. */
export async function leaveOrganization(input: OrgActionInput): Promise<{ left: true }> {
  const { membership } = await requireMember(input.orgId, input.actor.userId);
  if (membership.role === 'owner' && (await otherOwners(input.orgId, input.actor.userId)) === 0)
    throw lastOwner();
  await Membership.deleteOne({ _id: membership._id });
  if (membership.role === 'owner')
    await keepAnOwner(input.orgId, () => Membership.create(membership));
  return { left: true };
}
