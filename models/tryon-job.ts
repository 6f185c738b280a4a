import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { JOB_STATUSES, REPORT_REASONS, TRYON_MODES, type JobStatus, type TryonMode } from './enums';

export { JOB_STATUSES, TRYON_MODES, type JobStatus, type TryonMode };

const tryonJobSchema = new Schema(
  {
    /** The OWNER: a User `_id` or an Organization `_id` (an organisation's try-on). */
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Organisation try-ons: the member who made it (absent for widget and personal jobs). */
    actorUserId: { type: Schema.Types.ObjectId, ref: 'User' },
    source: {
      kind: { type: String, enum: ['web', 'api', 'widget'], required: true },
      apiKeyId: { type: Schema.Types.ObjectId, ref: 'ApiKey' },
      /** Widget jobs: the shop visitor (embed.js `trailroom_vid`) and the shop origin. */
      visitorId: { type: String, maxlength: 64 },
      origin: { type: String, maxlength: 300 },
    },
    /** Widget jobs: when the shopper's photo and the results were deleted (the shop's retention). */
    photosPurgedAt: { type: Date },
    mode: { type: String, enum: TRYON_MODES, required: true },
    status: { type: String, enum: JOB_STATUSES, required: true, default: 'queued' },
    inputs: {
      userImageId: { type: Schema.Types.ObjectId, ref: 'Asset', required: true },
      topImageId: { type: Schema.Types.ObjectId, ref: 'Asset', required: true },
      bottomImageId: { type: Schema.Types.ObjectId, ref: 'Asset' },
    },
    promptId: { type: Schema.Types.ObjectId, ref: 'Prompt' },
    promptVersion: { type: Number },
    /** The `system` prompt version sent with the instruction above. */
    systemPromptId: { type: Schema.Types.ObjectId, ref: 'Prompt' },
    systemPromptVersion: { type: Number },
    provider: { type: String, enum: ['local', 'gemini', 'openai'] },
    model: { type: String, maxlength: 100 },
    outputImageId: { type: Schema.Types.ObjectId, ref: 'Asset' },
    creditsUsed: { type: Number, required: true, min: 0 },
    error: {
      code: { type: String, maxlength: 100 },
      message: { type: String, maxlength: 1000 },
    },
    /** The raw failure (provider code and text): admins and logs only, never serialised to owners. */
    errorDetail: {
      code: { type: String, maxlength: 100 },
      message: { type: String, maxlength: 1000 },
    },
    retryCount: { type: Number, default: 0, min: 0 },
    /** Times an admin re-queued this failed job (lib/tryon/admin-retry-job.ts). */
    adminRetries: { type: Number, default: 0, min: 0 },
    /** When an admin last re-queued it: the stuck-job sweeper measures a re-queued job from here. */
    retriedAt: { type: Date },
    /** Unique per user: `<userId>:<Idempotency-Key>` or `<userId>:auto:<jobId>`. */
    clientKey: { type: String, required: true, maxlength: 400 },
    /** sha256 of the request, to refuse a reused Idempotency-Key with a different body. */
    requestHash: { type: String, maxlength: 64 },
    /** False for a test key's job (tr_test_: never charged, local provider, test data only); absent = live. */
    livemode: { type: Boolean },
    /** Test jobs only: the outcome the local provider simulates (`x-trailroom-simulate`). */
    simulate: { type: String, enum: ['failure', 'slow', 'safety_block'] },
    /** The spend caps this job reserved (lib/caps), released again if it fails. */
    capReservations: {
      type: [
        {
          _id: false,
          scope: { type: String, required: true, maxlength: 40 },
          subject: { type: String, required: true, maxlength: 200 },
          periodKey: { type: String, required: true, maxlength: 20 },
        },
      ],
      default: undefined,
    },
    /** The catalog product the try-on named instead of a garment photo (lib/products), and its SKU then. */
    productId: { type: Schema.Types.ObjectId, ref: 'Product' },
    sku: { type: String, maxlength: 64 },
    favorite: { type: Boolean, default: false },
    /** Results asked for (1–4); the cost is the mode's × samples, reserved in one `usage:<jobId>`. */
    samples: { type: Number, min: 1, max: 4, default: 1 },
    /** The request's seed (or one drawn at submission): sample n (1-based) uses seed + n − 1. */
    seed: { type: Number, min: 0 },
    /**
     * One entry per finished sample, in any order (`n` is the 1-based sample number). The first
     * completed output's asset is also `outputImageId`. A failed sample was refunded its share
     * (`refund:<jobId>:<n>`).
     */
    outputs: {
      type: [
        {
          _id: false,
          n: { type: Number, required: true, min: 1, max: 4 },
          assetId: { type: Schema.Types.ObjectId, ref: 'Asset' },
          seed: { type: Number },
          status: { type: String, enum: ['completed', 'failed'], required: true },
          favorite: { type: Boolean, default: false },
          /** A failed sample's public failure code. */
          code: { type: String, maxlength: 100 },
        },
      ],
      default: undefined,
    },
    /** Every provider call of the generation, in order, failover included (lib/ai generateTryOn). */
    providerAttempts: {
      type: [
        {
          _id: false,
          provider: { type: String, enum: ['local', 'gemini', 'openai'], required: true },
          model: { type: String, maxlength: 100 },
          ok: { type: Boolean, required: true },
          code: { type: String, maxlength: 100 },
          ms: { type: Number, min: 0 },
          at: { type: Date },
          sample: { type: Number, min: 1 },
        },
      ],
      default: undefined,
    },
    /** The owner's first "not right" report (lib/tryon/report-tryon-job.ts; every report is in tryon_reports). */
    report: {
      reason: { type: String, enum: REPORT_REASONS },
      note: { type: String, maxlength: 500 },
      at: { type: Date },
    },
    /** On a free re-roll: the job it regenerates. */
    rerollOf: { type: Schema.Types.ObjectId, ref: 'TryonJob' },
    /** On a reported job: its free re-roll. */
    rerollJobId: { type: Schema.Types.ObjectId, ref: 'TryonJob' },
    queuedAt: { type: Date, required: true },
    startedAt: { type: Date },
    completedAt: { type: Date },
    processingMs: { type: Number, min: 0 },
  },
  { timestamps: true, collection: 'tryon_jobs' },
);

tryonJobSchema.index({ clientKey: 1 }, { unique: true });
tryonJobSchema.index({ userId: 1, createdAt: -1 });
tryonJobSchema.index({ userId: 1, status: 1, createdAt: -1 });
tryonJobSchema.index({ status: 1, startedAt: 1 });
tryonJobSchema.index({ createdAt: 1 });

export type TryonJobDoc = InferSchemaType<typeof tryonJobSchema> & { _id: mongoose.Types.ObjectId };
tryonJobSchema.plugin(connectFirst);

export const TryonJob: Model<InferSchemaType<typeof tryonJobSchema>> =
  (mongoose.models.TryonJob as Model<InferSchemaType<typeof tryonJobSchema>>) ??
  mongoose.model('TryonJob', tryonJobSchema);
