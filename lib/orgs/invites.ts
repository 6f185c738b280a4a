import { createHash, randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import {
  Membership,
  Organization,
  OrgInvite,
  membershipId,
  type MembershipDoc,
  type OrganizationDoc,
  type OrgInviteDoc,
} from '@/models';
import type { OrgRole } from '@/models/enums';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { AppError, isDuplicateKeyError, notFound } from '@/lib/errors';
import { assignableRoles, roleForbidden } from './can';
import { requireMember } from './require-member';
import { inviteStatus, type InviteView } from './serialize';
import type { OrgActionInput } from './types';

/** How long an invitation link works. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The page that accepts an invitation (app/invite/[token]). */
export function inviteUrl(token: string): string {
  return new URL(`/invite/${encodeURIComponent(token)}`, env.APP_URL).href;
}

function serializeInvite(doc: OrgInviteDoc & { createdAt?: Date }): InviteView {
  return {
    id: doc._id.toString(),
    role: doc.role,
    email: doc.email ?? null,
    created_at: (doc.createdAt ?? new Date(0)).toISOString(),
    expires_at: doc.expiresAt.toISOString(),
    status: inviteStatus(doc),
  };
}

/**
 * An invitation link (owners and admins; an admin cannot invite an owner).
 * The token is in this answer only; the database keeps its SHA-256.
 */
export async function createInvite(
  input: OrgActionInput & { role: OrgRole; email?: string },
): Promise<InviteView & { token: string; url: string }> {
  const { membership } = await requireMember(input.orgId, input.actor.userId, 'members:manage');
  if (!assignableRoles(membership.role).includes(input.role)) throw roleForbidden('roles:manage');
  const token = randomBytes(24).toString('base64url');
  const created = await OrgInvite.create({
    orgId: input.orgId,
    tokenHash: hashToken(token),
    role: input.role,
    ...(input.email ? { email: input.email } : {}),
    createdBy: input.actor.userId,
    expiresAt: new Date(Date.now() + INVITE_TTL_MS),
  });
  const view = serializeInvite(created.toObject() as OrgInviteDoc & { createdAt?: Date });
  await recordAudit({
    actor: input.actor,
    action: 'organization.invite.create',
    entity: { type: 'organization', id: input.orgId },
    after: { invite: view.id, role: view.role, email: view.email },
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return { ...view, token, url: inviteUrl(token) };
}

/** Pending invitations (owners and admins), newest first. */
export async function listInvites(orgId: string, userId: string): Promise<InviteView[]> {
  await requireMember(orgId, userId, 'members:manage');
  const docs = await OrgInvite.find({ orgId })
    .sort({ createdAt: -1 })
    .limit(200)
    .lean<Array<OrgInviteDoc & { createdAt?: Date }>>();
  return docs.map(serializeInvite).filter((i) => i.status === 'pending');
}

/** Revokes an invitation (idempotent); another organisation's id is a 404. */
export async function revokeInvite(
  input: OrgActionInput & { inviteId: string },
): Promise<InviteView> {
  await requireMember(input.orgId, input.actor.userId, 'members:manage');
  if (!Types.ObjectId.isValid(input.inviteId)) throw notFound('Invitation');
  const doc = await OrgInvite.findById(input.inviteId).lean<OrgInviteDoc>();
  if (!doc || doc.orgId.toString() !== input.orgId) throw notFound('Invitation');
  if (doc.revokedAt || doc.usedAt) return serializeInvite(doc);
  const updated = await OrgInvite.findOneAndUpdate(
    { _id: doc._id },
    { $set: { revokedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean<OrgInviteDoc>();
  await recordAudit({
    actor: input.actor,
    action: 'organization.invite.revoke',
    entity: { type: 'organization', id: input.orgId },
    after: { invite: input.inviteId },
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return serializeInvite(updated ?? doc);
}

const inviteInvalid = (why: string) =>
  new AppError('invite_invalid', `This invitation can no longer be used: ${why}.`, {
    details: { reason: why },
  });

export interface AcceptedInvite {
  organization: { id: string; name: string; slug: string };
  role: OrgRole;
  /** The person already belonged to the organisation: nothing changed. */
  already_member: boolean;
}

/**
 * Joins the organisation through a link. Refused: an unknown token (404), a
 * link expired, revoked or already used (410 invite_invalid), a link made for
 * another email address (403 invite_wrong_account). One link makes one
 * member: the membership records the invitation under a unique index, so
 * two people racing with one link cannot both join.
 */
export async function acceptInvite(input: {
  token: string;
  userId: string;
  email: string;
}): Promise<AcceptedInvite> {
  const doc = await OrgInvite.findOne({ tokenHash: hashToken(input.token) }).lean<OrgInviteDoc>();
  if (!doc) throw notFound('Invitation');
  const orgId = doc.orgId.toString();
  const org = await Organization.findById(orgId).lean<OrganizationDoc>();
  if (!org || org.status !== 'active') throw inviteInvalid('the organisation is not active');
  const organization = { id: orgId, name: org.name, slug: org.slug };
  const existing = await Membership.findById(
    membershipId(orgId, input.userId),
  ).lean<MembershipDoc>();
  if (existing) return { organization, role: existing.role, already_member: true };
  if (doc.revokedAt) throw inviteInvalid('it was revoked');
  if (doc.usedAt) throw inviteInvalid('it was already used');
  if (doc.expiresAt.getTime() <= Date.now()) throw inviteInvalid('it has expired');
  if (doc.email && doc.email !== input.email.toLowerCase())
    throw new AppError(
      'invite_wrong_account',
      'This invitation was made for another email address; sign in with that address to accept it.',
    );
  try {
    await Membership.create({
      _id: membershipId(orgId, input.userId),
      orgId,
      userId: input.userId,
      role: doc.role,
      invitedBy: doc.createdBy,
      inviteId: doc._id,
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    // Either this person joined a moment ago (same _id), or someone else used the link.
    const mine = await Membership.findById(membershipId(orgId, input.userId)).lean<MembershipDoc>();
    if (mine) return { organization, role: mine.role, already_member: true };
    throw inviteInvalid('it was already used');
  }
  await OrgInvite.updateOne(
    { _id: doc._id },
    { $set: { usedAt: new Date(), usedBy: input.userId } },
  );
  return { organization, role: doc.role, already_member: false };
}
