import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { REPORT_REASONS, type ReportReason } from './enums';

export { REPORT_REASONS, type ReportReason };

/**
 * "Not right" reports on finished try-ons. `_id` is `<jobId>:<n>`: the
 * insert of `<jobId>:1` is the claim of the job's one free re-roll (a unique
 * insert is what FerretDB applies atomically), later reports take the next
 * free number up to a small cap. The prompt version, provider and model are
 * copied from the job for the report rate per prompt version.
 */
const tryonReportSchema = new Schema(
  {
    _id: { type: String, required: true, maxlength: 40 },
    jobId: { type: Schema.Types.ObjectId, ref: 'TryonJob', required: true },
    /** The owner id (a user or an organisation), as on the job. */
    userId: { type: Schema.Types.ObjectId, required: true },
    /** The person who reported. */
    actorUserId: { type: Schema.Types.ObjectId, ref: 'User' },
    seq: { type: Number, required: true, min: 1 },
    reason: { type: String, enum: REPORT_REASONS, required: true },
    note: { type: String, maxlength: 500 },
    mode: { type: String, maxlength: 20 },
    promptId: { type: Schema.Types.ObjectId, ref: 'Prompt' },
    promptVersion: { type: Number },
    provider: { type: String, maxlength: 20 },
    model: { type: String, maxlength: 100 },
    /** Whether this report started the job's free re-roll. */
    regenerated: { type: Boolean, required: true, default: false },
    rerollJobId: { type: Schema.Types.ObjectId, ref: 'TryonJob' },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'tryon_reports' },
);

tryonReportSchema.index({ jobId: 1 });
tryonReportSchema.index({ promptId: 1 });
tryonReportSchema.index({ createdAt: 1 });

export type TryonReportDoc = InferSchemaType<typeof tryonReportSchema>;
tryonReportSchema.plugin(connectFirst);

export const TryonReport: Model<InferSchemaType<typeof tryonReportSchema>> =
  (mongoose.models.TryonReport as Model<InferSchemaType<typeof tryonReportSchema>>) ??
  mongoose.model('TryonReport', tryonReportSchema);
