import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { DAILY_METRICS, type DailyMetric } from './enums';

export { DAILY_METRICS, type DailyMetric };

/**
 * Figures per UTC day, recomputed from the source collections and written
 * whole with `$set` (lib/analytics): re-running a day gives the same row, and
 * no figure depends on `$inc`, which FerretDB does not apply atomically.
 */
const dailyStatSchema = new Schema(
  {
    day: { type: String, required: true, minlength: 10, maxlength: 10 },
    ...Object.fromEntries(DAILY_METRICS.map((m) => [m, { type: Number, default: 0 }])),
    computedAt: { type: Date },
  },
  { timestamps: true, collection: 'daily_stats' },
);

dailyStatSchema.index({ day: 1 }, { unique: true });

dailyStatSchema.plugin(connectFirst);

export const DailyStat: Model<InferSchemaType<typeof dailyStatSchema>> =
  (mongoose.models.DailyStat as Model<InferSchemaType<typeof dailyStatSchema>>) ??
  mongoose.model('DailyStat', dailyStatSchema);
