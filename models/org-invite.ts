import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { ORG_ROLES } from './enums';

/**
 * An invitation link. The token is shown once; only its SHA-256 is stored.
 * With `email`, only the person signed in with that address may accept it.
 * `usedAt` is set by a conditional update, so a link is accepted once.
 */
const orgInviteSchema = new Schema(
  {
    orgId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    tokenHash: { type: String, required: true, minlength: 64, maxlength: 64 },
    role: { type: String, enum: ORG_ROLES, required: true },
    email: { type: String, lowercase: true, trim: true, maxlength: 320 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date },
    usedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    revokedAt: { type: Date },
  },
  { timestamps: true, collection: 'org_invites' },
);

orgInviteSchema.index({ tokenHash: 1 }, { unique: true });
orgInviteSchema.index({ orgId: 1, createdAt: -1 });

export type OrgInviteDoc = InferSchemaType<typeof orgInviteSchema> & {
  _id: mongoose.Types.ObjectId;
};
orgInviteSchema.plugin(connectFirst);

export const OrgInvite: Model<InferSchemaType<typeof orgInviteSchema>> =
  (mongoose.models.OrgInvite as Model<InferSchemaType<typeof orgInviteSchema>>) ??
  mongoose.model('OrgInvite', orgInviteSchema);
