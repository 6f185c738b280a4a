export { PRICING, PRICING_VERSION, PRESET_PACK_CREDITS, RECOMMENDED_PACK_CREDITS } from './config';
export {
  quotePrice,
  discountRate,
  divideRoundHalfUp,
  isValidCreditAmount,
  PriceRangeError,
  type PriceQuote,
  type DiscountRate,
} from './quote-price';
export { betterDeal } from './better-deal';
export { presetPacks, type PresetPack } from './preset-packs';
export { discountCurve, type CurvePoint } from './discount-curve';
