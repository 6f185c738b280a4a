import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';

/**
 * Spend-cap counters (lib/caps): one append-only chain per scope, subject
 * and period (`chain` = `<scope>:<subject>:<periodKey>`, e.g.
 * `key_daily:<keyId>:2026-12-01`). Each entry's `_id` is `<chain>:<seq>`, so
 * of racing reservations exactly one takes each seq (the unique `_id` insert
 * is the one write FerretDB applies atomically) and `usedAfter` is the
 * counter after it. `(chain, opKey)` is unique: a reservation or release is
 * applied once. The `<chain>:head` document is only a hint of the last seq.
 * Entries are pruned some days after their period ends (`pruneCapEntries`).
 */
const capEntrySchema = new Schema(
  {
    _id: { type: String, required: true, maxlength: 400 },
    chain: { type: String, required: true, maxlength: 300 },
    /** 0 for the head hint. */
    seq: { type: Number, required: true, min: 0 },
    kind: { type: String, enum: ['reserve', 'release', 'head'], required: true },
    /** Signed: + for a reservation, − for a release. */
    amount: { type: Number, required: true },
    usedAfter: { type: Number, required: true },
    /** The operation (`tryon:<jobId>`, or `release:<…>` for a release). */
    opKey: { type: String, required: true, maxlength: 300 },
    /** A release: the reservation's opKey it gives back. */
    releases: { type: String, maxlength: 300 },
    /** When the period is over (plus a margin): pruned after it. */
    expiresAt: { type: Date, required: true },
  },
  {
    timestamps: { createdAt: true, updatedAt: false },
    collection: 'cap_entries',
    versionKey: false,
  },
);

capEntrySchema.index({ chain: 1, opKey: 1 }, { unique: true });
capEntrySchema.index({ expiresAt: 1 });

export type CapEntryDoc = InferSchemaType<typeof capEntrySchema>;
capEntrySchema.plugin(connectFirst);

export const CapEntry: Model<InferSchemaType<typeof capEntrySchema>> =
  (mongoose.models.CapEntry as Model<InferSchemaType<typeof capEntrySchema>>) ??
  mongoose.model('CapEntry', capEntrySchema);
