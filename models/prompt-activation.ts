import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { PROMPT_TYPES } from './prompt';

/**
 * Append-only log of prompt activations. Each entry claims the next `seq` of
 * its type — `_id` is `<type>:<seq>`, and (type, seq) is unique — so
 * concurrent activations serialise on any MongoDB-wire server (FerretDB does
 * not apply updates atomically; a unique insert is atomic). The entry with
 * the highest seq names the active version; `prompts.active` is a projection
 * of it for listings (see lib/prompts).
 */
const promptActivationSchema = new Schema(
  {
    /** `<type>:<seq>`: reading an entry by `_id` is the one query FerretDB answers without a scan. */
    _id: { type: String, required: true },
    type: { type: String, enum: PROMPT_TYPES, required: true },
    seq: { type: Number, required: true, min: 1 },
    promptId: { type: Schema.Types.ObjectId, ref: 'Prompt', required: true },
    version: { type: Number, required: true, min: 1 },
    /** The version active before this entry (absent for the first). */
    previousVersion: { type: Number, min: 1 },
    /** User id of the admin, or `seed`. */
    actorId: { type: String, required: true, maxlength: 200 },
    actorEmail: { type: String, maxlength: 320 },
    reason: { type: String, maxlength: 500 },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'prompt_activations' },
);

promptActivationSchema.index({ type: 1, seq: 1 }, { unique: true });

export type PromptActivationDoc = InferSchemaType<typeof promptActivationSchema>;
promptActivationSchema.plugin(connectFirst);

export const PromptActivation: Model<InferSchemaType<typeof promptActivationSchema>> =
  (mongoose.models.PromptActivation as Model<InferSchemaType<typeof promptActivationSchema>>) ??
  mongoose.model('PromptActivation', promptActivationSchema);
