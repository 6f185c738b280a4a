import { PRICING } from '@/lib/pricing';

// The slider moves on a logarithmic scale: 300 to 100,000 credits spans
// more than two orders of magnitude, and a linear track would spend most of
// its length on huge amounts. Positions snap to round numbers.
export const SLIDER_STEPS = 1000;
const LN_MIN = Math.log(PRICING.minCredits);
const LN_SPAN = Math.log(PRICING.maxCredits) - LN_MIN;

function snap(n: number): number {
  const unit = n < 1_000 ? 10 : n < 10_000 ? 50 : n < 50_000 ? 100 : 500;
  return Math.min(PRICING.maxCredits, Math.max(PRICING.minCredits, Math.round(n / unit) * unit));
}

export function positionToCredits(pos: number): number {
  return snap(Math.exp(LN_MIN + (pos / SLIDER_STEPS) * LN_SPAN));
}

export function creditsToPosition(credits: number): number {
  return Math.round(((Math.log(credits) - LN_MIN) / LN_SPAN) * SLIDER_STEPS);
}
