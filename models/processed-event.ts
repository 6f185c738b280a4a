import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';

/**
 * Incoming webhook events (Stripe, local checkout) recorded under a unique id:
 * the insert is the de-duplication, so a replayed event is seen and ignored.
 */
const processedEventSchema = new Schema(
  {
    source: { type: String, enum: ['stripe'], required: true },
    eventId: { type: String, required: true, maxlength: 255 },
    type: { type: String, required: true, maxlength: 100 },
    status: {
      type: String,
      enum: ['processing', 'processed', 'ignored', 'failed'],
      required: true,
    },
    error: { type: String, maxlength: 1000 },
  },
  { timestamps: true, collection: 'processed_events' },
);

processedEventSchema.index({ source: 1, eventId: 1 }, { unique: true });

processedEventSchema.plugin(connectFirst);

export const ProcessedEvent: Model<InferSchemaType<typeof processedEventSchema>> =
  (mongoose.models.ProcessedEvent as Model<InferSchemaType<typeof processedEventSchema>>) ??
  mongoose.model('ProcessedEvent', processedEventSchema);
