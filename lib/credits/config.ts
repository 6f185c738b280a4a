/** Credit costs and allowances: the one place they are configured. */
/** one_piece: a dress or jumpsuit (one garment in `top_image`). `samples` n multiplies the cost. */
export const CREDIT_COSTS = { top: 1, full: 2, one_piece: 2 } as const;

/** What a try-on of `mode` with `samples` results costs: reserved up front, refunded per failed sample. */
export function tryonCost(mode: keyof typeof CREDIT_COSTS, samples = 1): number {
  return CREDIT_COSTS[mode] * samples;
}
export const DAILY_FREE_CREDITS = 3;
export const LOW_BALANCE_THRESHOLD = 10;
/** Upper bound for one admin adjustment, in credits (guards typos). */
export const MAX_ADMIN_ADJUSTMENT = 1_000_000;
/** One admin adjustment above this many credits (either sign) needs 'credits:adjust_large' (super admin). */
export const ADMIN_LARGE_ADJUSTMENT = 10_000;
/** Credits one admin may grant (positive adjustments, all people together) per UTC day. */
export const ADMIN_DAILY_GRANT_CAP = 50_000;
