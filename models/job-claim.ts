import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { JOB_CLAIM_KINDS, type JobClaimKind } from './enums';

export { JOB_CLAIM_KINDS, type JobClaimKind };

/**
 * Claims of scheduled work, one document per unit of work under a unique
 * `_id`: `cron:<functionId>:<tick ISO time>` (an inline cron tick runs on one
 * instance only) and `webhook:<deliveryId>:<attemptNo>` (a scheduled webhook
 * attempt is made once). The insert is the claim — FerretDB applies no
 * conditional update atomically, a unique insert it does (docs/architecture.md).
 * Old claims are pruned daily (`pruneJobClaims`); no TTL index (FerretDB 1.x has none).
 */
const jobClaimSchema = new Schema(
  {
    _id: { type: String, required: true, maxlength: 300 },
    kind: { type: String, enum: JOB_CLAIM_KINDS, required: true },
    /** The claimer's clock: a claim older than its lease may be taken over. */
    claimedAt: { type: Date, required: true },
  },
  { collection: 'job_claims', versionKey: false },
);

jobClaimSchema.index({ claimedAt: 1 });

export type JobClaimDoc = InferSchemaType<typeof jobClaimSchema>;
jobClaimSchema.plugin(connectFirst);

export const JobClaim: Model<InferSchemaType<typeof jobClaimSchema>> =
  (mongoose.models.JobClaim as Model<InferSchemaType<typeof jobClaimSchema>>) ??
  mongoose.model('JobClaim', jobClaimSchema);
