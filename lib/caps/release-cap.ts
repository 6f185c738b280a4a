import { applyChainOp, chainName, findChainOp } from './cap-chain';
import type { ReleaseCapInput } from './types';

/**
 * Gives a reservation (or part of it) back, once per `releaseKey`: a refund
 * of a failed job returns its cap. Releasing what was never reserved does
 * nothing, and a release never gives back more than its reservation.
 * Off the hot path (it looks the reservation up by its key).
 */
export async function releaseCap(
  input: ReleaseCapInput,
): Promise<{ released: number; replayed: boolean }> {
  const chain = chainName(input.scope, input.subject, input.periodKey);
  const reservation = await findChainOp(chain, input.opKey);
  if (!reservation || reservation.kind !== 'reserve') return { released: 0, replayed: false };
  const amount = Math.max(0, Math.min(input.amount ?? reservation.amount, reservation.amount));
  if (amount === 0) return { released: 0, replayed: false };
  const releaseKey = input.releaseKey ?? `release:${input.opKey}`;
  const outcome = await applyChainOp<never>(chain, releaseKey, reservation.expiresAt, () => ({
    append: { kind: 'release', amount: -amount, releases: input.opKey },
  }));
  return outcome.applied
    ? { released: amount, replayed: outcome.replayed }
    : { released: 0, replayed: false };
}
