import { PRESET_PACK_CREDITS, RECOMMENDED_PACK_CREDITS } from './config';
import { quotePrice, type PriceQuote } from './quote-price';

export interface PresetPack extends PriceQuote {
  recommended: boolean;
}

/** The preset packs, priced by the same function as any custom amount. */
export function presetPacks(): PresetPack[] {
  return PRESET_PACK_CREDITS.map((credits) => ({
    ...quotePrice(credits),
    recommended: credits === RECOMMENDED_PACK_CREDITS,
  }));
}
