import { AppError } from '@/lib/errors';
import { applyChainOp, chainName } from './cap-chain';
import type { ReserveCapInput, ReserveCapResult } from './types';

/** Entries are kept this long after their period ends (support and audits), then pruned. */
export const CAP_RETENTION_MS = 35 * 24 * 60 * 60 * 1000;

/**
 * Reserves `amount` against a cap, race-safely: of any number of concurrent
 * reservations the counter never passes `limit`, and exactly as many succeed
 * as fit. A repeat of the same `opKey` returns the first outcome without
 * counting twice. `{ ok: false }` says the cap would be passed (turn it into
 * `capReachedError` or the route's own refusal).
 */
export async function reserveCap(input: ReserveCapInput): Promise<ReserveCapResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new AppError('bad_request', 'A cap reservation must be a positive whole number');
  if (!Number.isSafeInteger(input.limit) || input.limit < 0)
    throw new AppError('bad_request', 'A cap must be a whole number ≥ 0');
  const { scope, subject, period, limit, amount } = input;
  const chain = chainName(scope, subject, period.periodKey);
  const expiresAt = new Date(period.resetsAt.getTime() + CAP_RETENTION_MS);
  type Refusal = Extract<ReserveCapResult, { ok: false }>;
  const outcome = await applyChainOp<Refusal>(chain, input.opKey, expiresAt, (head) =>
    head.used + amount > limit
      ? {
          refuse: {
            ok: false,
            scope,
            limit,
            used: head.used,
            resetsAt: period.resetsAt,
          },
        }
      : { append: { kind: 'reserve', amount } },
  );
  return outcome.applied
    ? { ok: true, used: outcome.entry.usedAfter, replayed: outcome.replayed }
    : outcome.refusal;
}
