import { CREDIT_COSTS } from '@/lib/credits/config';
import { PRESET_PACK_CREDITS, RECOMMENDED_PACK_CREDITS } from '@/lib/pricing/config';

/**
 * Who is buying: a shopper using the studio (a few try-ons a week), or a shop
 * or app calling the API (volume). The recommended pack and its wording follow
 * the reader.
 */
export type Audience = 'shopper' | 'developer';

/** The pack each reader is pointed to: a shopper the smallest, an API customer the first discounted one. */
export function recommendedCredits(audience: Audience): number {
  return audience === 'shopper' ? PRESET_PACK_CREDITS[0] : RECOMMENDED_PACK_CREDITS;
}

export function recommendedLabel(audience: Audience): string {
  return audience === 'shopper' ? 'Best for shoppers' : 'Best for shops & apps';
}

/** What a number of credits buys, in try-ons. */
export function tryonsFor(credits: number): { tops: number; outfits: number } {
  return {
    tops: Math.floor(credits / CREDIT_COSTS.top),
    outfits: Math.floor(credits / CREDIT_COSTS.full),
  };
}
