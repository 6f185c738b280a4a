import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { ORG_ROLES, type OrgRole } from './enums';

export { ORG_ROLES, type OrgRole };

/**
 * A person's place in an organisation. `_id` is `<orgId>:<userId>`, so the
 * per-request access check is one `_id` read (the one filter FerretDB pushes
 * down) and a person is a member at most once. Removing a member deletes the
 * document: their next request no longer finds it.
 */
const membershipSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    role: { type: String, enum: ORG_ROLES, required: true },
    invitedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    /** The invitation used to join: unique, so one link makes at most one member. */
    inviteId: { type: Schema.Types.ObjectId, ref: 'OrgInvite' },
  },
  { timestamps: true, collection: 'memberships' },
);

membershipSchema.index({ userId: 1, createdAt: 1 });
membershipSchema.index({ orgId: 1, createdAt: 1 });
membershipSchema.index({ inviteId: 1 }, { unique: true, sparse: true });

export type MembershipDoc = InferSchemaType<typeof membershipSchema>;
membershipSchema.plugin(connectFirst);

export function membershipId(orgId: string, userId: string): string {
  return `${orgId}:${userId}`;
}

export const Membership: Model<InferSchemaType<typeof membershipSchema>> =
  (mongoose.models.Membership as Model<InferSchemaType<typeof membershipSchema>>) ??
  mongoose.model('Membership', membershipSchema);
