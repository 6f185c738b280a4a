import mongoose from 'mongoose';
import { insertOnce, type NamedModel } from './insert-once';

/** A claim document: its `_id` is the claim key, `claimedAt` the claimer's clock. */
export interface ClaimDoc {
  _id: string;
  claimedAt: Date;
}

export interface ClaimOptions {
  now?: Date;
  /**
   * A claim older than this may be taken over once per further lease: its
   * holder died between claiming and finishing (the work itself takes far
   * less). Unset: a claim is forever.
   */
  leaseMs?: number;
}

/**
 * Claims one unit of work by a unique insert (`_id` = key): true for exactly
 * one of any number of concurrent callers with the same key, on every
 * instance. With a lease, a claim whose holder never finished is taken over by
 * one caller once it is `leaseMs` old — again a unique insert, under
 * `<key>#<n>` for the n-th lease since the claim, so a takeover is claimed
 * once too.
 */
export async function claimWithStaleness(
  model: NamedModel,
  key: string,
  fields: Record<string, unknown>,
  opts: ClaimOptions = {},
): Promise<boolean> {
  const now = opts.now ?? new Date();
  const insert = async (id: string) =>
    (await insertOnce(model, { ...fields, _id: id, claimedAt: now })).status === 'inserted';
  if (await insert(key)) return true;
  if (!opts.leaseMs) return false;
  const held = await mongoose.model(model.modelName).findById(key).lean<ClaimDoc>();
  if (!held) return insert(key); // pruned meanwhile
  const leases = Math.floor((now.getTime() - held.claimedAt.getTime()) / opts.leaseMs);
  return leases >= 1 ? insert(`${key}#${leases}`) : false;
}
