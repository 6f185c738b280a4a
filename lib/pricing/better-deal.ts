import { PRICING } from './config';
import { quotePrice, type PriceQuote } from './quote-price';

/**
 * The discount starts with a step (0% below 2,100, 10% at 2,100), so
 * 1,890–2,099 credits cost at least as much than 2,100 do. When that happens this returns
 * the 2,100 quote, so the pricing page can offer more credits for less.
 */
export function betterDeal(credits: number): PriceQuote | null {
  const start = PRICING.discount.startCredits;
  if (credits >= start) return null;
  const here = quotePrice(credits);
  const there = quotePrice(start);
  return there.totalCents <= here.totalCents ? there : null;
}
