import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { PROMPT_TYPES, type PromptType } from './enums';

export { PROMPT_TYPES, type PromptType };

/** Versioned prompts; exactly one version per type is active (lib/prompts enforces it). */
const promptSchema = new Schema(
  {
    type: { type: String, enum: PROMPT_TYPES, required: true },
    version: { type: Number, required: true, min: 1 },
    content: { type: String, required: true, maxlength: 20000 },
    /** Optional per-prompt override of the configured provider/model. */
    provider: { type: String, enum: ['local', 'gemini', 'openai'] },
    model: { type: String, maxlength: 100 },
    /** Optional per-version provider failover order (lib/ai resolveProviderChain), e.g. [gemini, openai]. */
    providers: {
      type: [{ type: String, enum: ['local', 'gemini', 'openai'] }],
      default: undefined,
    },
    active: { type: Boolean, default: false },
    note: { type: String, maxlength: 500 },
    createdBy: { type: String, maxlength: 200 },
  },
  { timestamps: true, collection: 'prompts' },
);

promptSchema.index({ type: 1, version: 1 }, { unique: true });
promptSchema.index({ type: 1, active: 1 });

export type PromptDoc = InferSchemaType<typeof promptSchema> & { _id: mongoose.Types.ObjectId };
promptSchema.plugin(connectFirst);

export const Prompt: Model<InferSchemaType<typeof promptSchema>> =
  (mongoose.models.Prompt as Model<InferSchemaType<typeof promptSchema>>) ??
  mongoose.model('Prompt', promptSchema);
