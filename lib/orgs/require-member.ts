import { Types } from 'mongoose';
import {
  Membership,
  Organization,
  membershipId,
  type MembershipDoc,
  type OrganizationDoc,
} from '@/models';
import { notFound } from '@/lib/errors';
import { organizationSuspended } from './account-context';
import { can, roleForbidden, type OrgAction } from './can';

export interface MemberAccess {
  org: OrganizationDoc & { createdAt?: Date };
  membership: MembershipDoc;
}

/**
 * The organisation and the person's membership (`_id` reads), or 404 — an
 * organisation one does not belong to is indistinguishable from a missing
 * one. With `action`, the role must allow it (403 organization_role_forbidden).
 * A suspended organisation can be read, not changed; a deleted one is gone.
 */
export async function requireMember(
  orgId: string,
  userId: string,
  action?: OrgAction,
): Promise<MemberAccess> {
  if (!Types.ObjectId.isValid(orgId) || !Types.ObjectId.isValid(userId))
    throw notFound('Organisation');
  const [org, membership] = await Promise.all([
    Organization.findById(orgId).lean<OrganizationDoc & { createdAt?: Date }>(),
    Membership.findById(membershipId(orgId, userId)).lean<MembershipDoc>(),
  ]);
  if (!org || !membership || org.status === 'deleted') throw notFound('Organisation');
  if (action && !can(membership.role, action)) throw roleForbidden(action);
  if (action && org.status === 'suspended') throw organizationSuspended();
  return { org, membership };
}
