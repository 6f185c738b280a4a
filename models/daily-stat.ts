import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';

export const DAILY_METRICS = [
  'signups',
  'tryonsCreated',
  'tryonsCompleted',
  'tryonsFailed',
  'creditsSpent',
  'creditsRefunded',
  'creditsPurchased',
  'revenueCents',
  'payments',
] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

/** Pre-aggregated counters per UTC day, updated with `$inc` upserts. */
const dailyStatSchema = new Schema(
  {
    day: { type: String, required: true, minlength: 10, maxlength: 10 },
    ...Object.fromEntries(DAILY_METRICS.map((m) => [m, { type: Number, default: 0 }])),
  },
  { timestamps: true, collection: 'daily_stats' },
);

dailyStatSchema.index({ day: 1 }, { unique: true });

export const DailyStat: Model<InferSchemaType<typeof dailyStatSchema>> =
  (mongoose.models.DailyStat as Model<InferSchemaType<typeof dailyStatSchema>>) ??
  mongoose.model('DailyStat', dailyStatSchema);
