import { PRICING, PRICING_VERSION } from './config';

/** What N credits cost. Every amount is integer cents; only `totalCents` is charged. */
export interface PriceQuote {
  credits: number;
  currency: string;
  pricingVersion: string;
  /** credits × base price, before any discount. */
  listCents: number;
  /** listCents − totalCents. */
  discountCents: number;
  /** The charged amount. */
  totalCents: number;
  /** The discount rate rounded half up to a basis point, for display and records only. */
  discountBps: number;
}

/** An exact discount rate: numerator / denominator (both integers). */
export interface DiscountRate {
  numerator: number;
  denominator: number;
}

export class PriceRangeError extends RangeError {
  override name = 'PriceRangeError';
}

/** floor((a + b/2) / b) for non-negative safe integers: the one rounding rule (half up). */
export function divideRoundHalfUp(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

export function isValidCreditAmount(credits: number): boolean {
  return (
    Number.isSafeInteger(credits) && credits >= PRICING.minCredits && credits <= PRICING.maxCredits
  );
}

/**
 * The exact discount as a fraction: 0 below 2,100 credits, 10% at 2,100,
 * linear to 25% at 50,000, 25% beyond. Kept as a fraction (not rounded basis
 * points) because rounding the rate first is a second rounding that makes
 * the total dip by a few cents whenever the rounded rate steps up; with the
 * exact rate the only rounding is the final total's, and the total never
 * decreases within the discounted range.
 */
export function discountRate(credits: number): DiscountRate {
  const { startCredits, startBps, fullCredits, fullBps } = PRICING.discount;
  const span = fullCredits - startCredits;
  if (credits < startCredits) return { numerator: 0, denominator: 1 };
  if (credits >= fullCredits) return { numerator: fullBps, denominator: 10_000 };
  // startBps + (fullBps − startBps)·(n − start)/span, over 10,000 · span.
  return {
    numerator: startBps * span + (fullBps - startBps) * (credits - startCredits),
    denominator: 10_000 * span,
  };
}

/**
 * The price of `credits` credits. Pure and isomorphic: the server charges it,
 * the pricing page displays and charts it. Throws PriceRangeError outside
 * [minCredits, maxCredits] or for a non-integer amount.
 *
 * total = round_half_up(list × (1 − rate)), computed as one integer division
 * (largest intermediate: 100,000 list cents × 479,000,000 < 2^53).
 */
export function quotePrice(credits: number): PriceQuote {
  if (!isValidCreditAmount(credits)) {
    throw new PriceRangeError(
      `credits must be a whole number from ${PRICING.minCredits} to ${PRICING.maxCredits}`,
    );
  }
  const listCents = credits * PRICING.baseCentsPerCredit;
  const { numerator, denominator } = discountRate(credits);
  const totalCents = divideRoundHalfUp(listCents * (denominator - numerator), denominator);
  return {
    credits,
    currency: PRICING.currency,
    pricingVersion: PRICING_VERSION,
    listCents,
    discountCents: listCents - totalCents,
    totalCents,
    discountBps: divideRoundHalfUp(numerator * 10_000, denominator),
  };
}
