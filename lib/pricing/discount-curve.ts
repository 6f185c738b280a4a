import { PRICING } from './config';
import { quotePrice } from './quote-price';

export interface CurvePoint {
  credits: number;
  /** Discount in basis points (display precision). */
  discountBps: number;
  /** Charged price per credit in hundredths of a cent (for plotting only). */
  centiCentsPerCredit: number;
}

/**
 * Points of the discount curve for the pricing chart, sampled from quotePrice
 * itself: every `step` credits plus each breakpoint on both sides, so the
 * step at 2,100 and the knee at 50,000 are drawn sharp.
 */
export function discountCurve(step = 500): CurvePoint[] {
  const { minCredits, maxCredits, discount } = PRICING;
  const points = new Set<number>([minCredits, maxCredits]);
  for (let n = Math.ceil(minCredits / step) * step; n <= maxCredits; n += step) points.add(n);
  for (const b of [discount.startCredits - 1, discount.startCredits, discount.fullCredits])
    points.add(b);
  return [...points]
    .filter((n) => n >= minCredits && n <= maxCredits)
    .sort((a, b) => a - b)
    .map((credits) => {
      const q = quotePrice(credits);
      return {
        credits,
        discountBps: q.discountBps,
        centiCentsPerCredit: Math.round((q.totalCents * 100) / credits),
      };
    });
}
