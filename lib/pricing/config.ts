/**
 * Pricing configuration: the one module that says what credits cost.
 * Changing any number here changes what customers pay, so bump
 * PRICING_VERSION with it: each payment records the version it was sold under.
 */
export const PRICING_VERSION = '2026-11-v1';

export const PRICING = {
  currency: 'usd',
  /** List price of one credit in integer cents (USD 0.02). */
  baseCentsPerCredit: 2,
  minCredits: 300,
  maxCredits: 100_000,
  discount: {
    /** Below this many credits there is no discount. */
    startCredits: 2_100,
    /** Discount at startCredits, in basis points (1000 = 10%). */
    startBps: 1_000,
    /** From here on the discount stays at fullBps. */
    fullCredits: 50_000,
    fullBps: 2_500,
  },
} as const;

/** Preset packs shown on the pricing page; every one is priced by quotePrice like any custom amount. */
export const PRESET_PACK_CREDITS = [300, 1_000, 2_100, 5_000, 10_000, 50_000] as const;
export const RECOMMENDED_PACK_CREDITS = 2_100;
