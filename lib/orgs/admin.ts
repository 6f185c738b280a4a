import { Types } from 'mongoose';
import { Membership, Organization, membershipId, type OrganizationDoc } from '@/models';
import { adjustUserCredits, type AdjustUserCreditsResult } from '@/lib/admin/adjust-user-credits';
import type { AdminActor } from '@/lib/admin/types';
import { recordAudit, type RequestMeta } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { membersOf } from './list-members';
import type { AdminOrganizationsQuery } from './schemas';
import { serializeOrganization, type MemberView, type OrganizationView } from './serialize';

export interface AdminOrganizationRow extends OrganizationView {
  members: number;
}

export interface AdminOrganizationPage {
  organizations: AdminOrganizationRow[];
  page: number;
  limit: number;
  total: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Organisations by name or slug (or an exact id), newest first, with member counts. */
export async function adminListOrganizations(
  query: AdminOrganizationsQuery,
): Promise<AdminOrganizationPage> {
  const filter: Record<string, unknown> = {};
  if (query.q) {
    filter.$or = Types.ObjectId.isValid(query.q)
      ? [{ _id: new Types.ObjectId(query.q) }]
      : [
          { name: new RegExp(escapeRegex(query.q), 'i') },
          { slug: new RegExp(escapeRegex(query.q.toLowerCase())) },
        ];
  }
  if (query.status) filter.status = query.status;
  const [docs, total] = await Promise.all([
    Organization.find(filter)
      .sort({ createdAt: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<Array<OrganizationDoc & { createdAt?: Date }>>(),
    Organization.countDocuments(filter),
  ]);
  const organizations = await Promise.all(
    docs.map(async (org) => ({
      ...serializeOrganization(org),
      members: await Membership.countDocuments({ orgId: org._id }),
    })),
  );
  return { organizations, page: query.page, limit: query.limit, total };
}

export interface AdminOrganizationDetail extends OrganizationView {
  suspended_reason: string | null;
  created_by: string;
  stripe_customer_id: string | null;
  members: MemberView[];
}

async function orgOrThrow(orgId: string): Promise<OrganizationDoc & { createdAt?: Date }> {
  if (!Types.ObjectId.isValid(orgId)) throw notFound('Organisation');
  const org = await Organization.findById(orgId).lean<OrganizationDoc & { createdAt?: Date }>();
  if (!org) throw notFound('Organisation');
  return org;
}

/** One organisation for support: settings, balance (projection), members. */
export async function adminGetOrganization(orgId: string): Promise<AdminOrganizationDetail> {
  const org = await orgOrThrow(orgId);
  return {
    ...serializeOrganization(org),
    suspended_reason: org.suspendedReason ?? null,
    created_by: org.createdBy.toString(),
    stripe_customer_id: org.stripeCustomerId ?? null,
    members: await membersOf(orgId),
  };
}

interface AdminOrgInput {
  actor: AdminActor;
  orgId: string;
  meta?: RequestMeta;
}

/** Suspends an organisation (audited): its keys and its members' requests in it are refused at once. */
export async function suspendOrganization(
  input: AdminOrgInput & { reason: string },
): Promise<{ organization: AdminOrganizationDetail; changed: boolean }> {
  const org = await orgOrThrow(input.orgId);
  if (org.status === 'deleted')
    throw new AppError('invalid_state', 'This organisation was deleted');
  if (org.status === 'suspended')
    return { organization: await adminGetOrganization(input.orgId), changed: false };
  await Organization.updateOne(
    { _id: org._id },
    { $set: { status: 'suspended', suspendedReason: input.reason } },
  );
  await recordAudit({
    actor: input.actor,
    action: 'organization.suspend',
    entity: { type: 'organization', id: input.orgId },
    before: { status: org.status },
    after: { status: 'suspended', suspended_reason: input.reason },
    reason: input.reason,
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return { organization: await adminGetOrganization(input.orgId), changed: true };
}

export async function unsuspendOrganization(
  input: AdminOrgInput & { reason?: string },
): Promise<{ organization: AdminOrganizationDetail; changed: boolean }> {
  const org = await orgOrThrow(input.orgId);
  if (org.status !== 'suspended')
    return { organization: await adminGetOrganization(input.orgId), changed: false };
  await Organization.updateOne(
    { _id: org._id },
    { $set: { status: 'active' }, $unset: { suspendedReason: 1 } },
  );
  await recordAudit({
    actor: input.actor,
    action: 'organization.unsuspend',
    entity: { type: 'organization', id: input.orgId },
    before: { status: 'suspended' },
    after: { status: 'active' },
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return { organization: await adminGetOrganization(input.orgId), changed: true };
}

/**
 * An admin's correction of an organisation's paid credits: the same function
 * and rules as for a person (idempotent `admin:<uuid>`, large-adjustment and
 * daily grant limits, audited). An admin who is a member of the organisation
 * cannot adjust it (as nobody adjusts their own credits).
 */
export async function adjustOrgCredits(input: {
  actor: AdminActor;
  orgId: string;
  credits: number;
  reason: string;
  operationId: string;
  meta?: RequestMeta;
}): Promise<AdjustUserCreditsResult> {
  await orgOrThrow(input.orgId);
  if (await Membership.exists({ _id: membershipId(input.orgId, input.actor.userId) })) {
    await recordAudit({
      actor: input.actor,
      action: 'credits.adjust.refused',
      entity: { type: 'organization', id: input.orgId },
      after: {
        credits: input.credits,
        refused: 'self_action_forbidden',
        operation: input.operationId,
      },
      reason: input.reason,
      ...(input.meta ? { meta: input.meta } : {}),
    });
    throw new AppError(
      'self_action_forbidden',
      'Admins cannot adjust the credits of an organisation they belong to',
      { details: { limit: 'self' } },
    );
  }
  return adjustUserCredits({
    actor: input.actor,
    userId: input.orgId,
    ownerType: 'organization',
    credits: input.credits,
    reason: input.reason,
    operationId: input.operationId,
    ...(input.meta ? { meta: input.meta } : {}),
  });
}
