import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betterDeal,
  discountCurve,
  discountRate,
  divideRoundHalfUp,
  presetPacks,
  PRESET_PACK_CREDITS,
  PRICING,
  PRICING_VERSION,
  quotePrice,
} from '.';

const MIN = PRICING.minCredits;
const MAX = PRICING.maxCredits;
const START = PRICING.discount.startCredits;
const credits = fc.integer({ min: MIN, max: MAX });

describe('quotePrice — exact values', () => {
  // Worked by hand: list = 2¢ × n; rate = (1000·47,900 + 1500·(n − 2,100)) / (10,000·47,900) in the linear range.
  it.each([
    // credits, list, total, discount bps
    [300, 600, 600, 0], // minimum, no discount
    [1_000, 2_000, 2_000, 0],
    [2_099, 4_198, 4_198, 0], // last undiscounted amount
    [2_100, 4_200, 3_780, 1_000], // 10%: 4,200 × 0.9
    [5_000, 10_000, 8_909, 1_091], // rate 52,250,000/479,000,000 = 10.908%: 8,909.18 → 8,909
    [10_000, 20_000, 17_505, 1_247], // rate 59,750,000/479,000,000 = 12.474%: 17,505.22 → 17,505
    [50_000, 100_000, 75_000, 2_500], // 25%
    [50_001, 100_002, 75_002, 2_500], // 75,001.5 → half up → 75,002
    [100_000, 200_000, 150_000, 2_500], // maximum
  ])('%i credits → list %i¢, total %i¢, %i bps', (n, list, total, bps) => {
    const q = quotePrice(n);
    expect(q).toEqual({
      credits: n,
      currency: 'usd',
      pricingVersion: PRICING_VERSION,
      listCents: list,
      totalCents: total,
      discountCents: list - total,
      discountBps: bps,
    });
  });

  it.each([299, 100_001, 0, -5, 2_100.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s credits',
    (n) => {
      expect(() => quotePrice(n)).toThrow(RangeError);
    },
  );

  it('rounds half up, and only at the end', () => {
    expect(divideRoundHalfUp(3, 2)).toBe(2); // 1.5 → 2
    expect(divideRoundHalfUp(5, 2)).toBe(3); // 2.5 → 3
    expect(divideRoundHalfUp(149, 100)).toBe(1);
    expect(divideRoundHalfUp(150, 100)).toBe(2);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
  });
});

describe('quotePrice — properties', () => {
  it('amounts are non-negative integer cents that add up', () => {
    fc.assert(
      fc.property(credits, (n) => {
        const q = quotePrice(n);
        for (const v of [q.listCents, q.totalCents, q.discountCents, q.discountBps]) {
          expect(Number.isSafeInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(q.listCents).toBe(n * PRICING.baseCentsPerCredit);
        expect(q.totalCents + q.discountCents).toBe(q.listCents);
      }),
      { numRuns: 2_000 },
    );
  });

  it('discount stays within [0, 25]%, both the exact rate and the charged amount', () => {
    fc.assert(
      fc.property(credits, (n) => {
        const { numerator, denominator } = discountRate(n);
        expect(numerator).toBeGreaterThanOrEqual(0);
        expect(numerator * 4).toBeLessThanOrEqual(denominator);
        const q = quotePrice(n);
        expect(q.discountBps).toBeGreaterThanOrEqual(0);
        expect(q.discountBps).toBeLessThanOrEqual(2_500);
        // The charged discount is the exact one, within half a cent.
        expect(q.discountCents * 4).toBeLessThanOrEqual(q.listCents + 2);
        if (n < START) expect(q.discountCents).toBe(0);
        else expect(q.discountCents * 10).toBeGreaterThanOrEqual(q.listCents - 5);
      }),
      { numRuns: 2_000 },
    );
  });

  it('the total never decreases as credits grow (within a tier; the step at 2,100 is the one exception)', () => {
    fc.assert(
      fc.property(credits, credits, (a, b) => {
        const [n, m] = a <= b ? [a, b] : [b, a];
        const crossesStep = n < START && m >= START;
        if (!crossesStep)
          expect(quotePrice(m).totalCents).toBeGreaterThanOrEqual(quotePrice(n).totalCents);
      }),
      { numRuns: 5_000 },
    );
    // And exhaustively for neighbours, where a rounding dip would show.
    let prev = quotePrice(MIN).totalCents;
    for (let n = MIN + 1; n <= MAX; n++) {
      const t = quotePrice(n).totalCents;
      if (n !== START) expect(t).toBeGreaterThanOrEqual(prev);
      prev = t;
    }
  });

  it('the step at 2,100 is covered: 1,890–2,099 credits get offered the cheaper 2,100 pack', () => {
    expect(quotePrice(START).totalCents).toBeLessThan(quotePrice(START - 1).totalCents);
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: START - 1 }), (n) => {
        const deal = betterDeal(n);
        if (quotePrice(START).totalCents <= quotePrice(n).totalCents) {
          expect(deal?.credits).toBe(START);
          expect(deal!.totalCents).toBeLessThanOrEqual(quotePrice(n).totalCents);
        } else {
          expect(deal).toBeNull();
        }
      }),
    );
    // 1,890 credits cost 3,780¢, the same as 2,100: more credits for the same money counts as a better deal.
    expect(betterDeal(1_889)).toBeNull();
    expect(betterDeal(1_890)?.credits).toBe(START);
    expect(betterDeal(START)).toBeNull();
  });

  it('the price per credit never increases from 2,100 credits on', () => {
    const above = fc.integer({ min: START, max: MAX });
    fc.assert(
      fc.property(above, above, (a, b) => {
        const [n, m] = a <= b ? [a, b] : [b, a];
        // Exact rate never decreases: rate(m) ≥ rate(n), cross-multiplied.
        const rn = discountRate(n);
        const rm = discountRate(m);
        expect(rm.numerator * rn.denominator).toBeGreaterThanOrEqual(rn.numerator * rm.denominator);
        // Charged price per credit: total(m)/m ≤ total(n)/n up to the half cent each total may round.
        const tn = quotePrice(n).totalCents;
        const tm = quotePrice(m).totalCents;
        expect(2 * n * tm).toBeLessThanOrEqual(2 * m * tn + m + n);
      }),
      { numRuns: 5_000 },
    );
  });

  it('presets are priced by the same function, 2,100 recommended', () => {
    const packs = presetPacks();
    expect(packs.map((p) => p.credits)).toEqual([...PRESET_PACK_CREDITS]);
    for (const p of packs) {
      const { recommended, ...quote } = p;
      expect(quote).toEqual(quotePrice(p.credits));
      expect(recommended).toBe(p.credits === 2_100);
    }
  });

  it('the chart curve is sampled from quotePrice and includes the breakpoints', () => {
    const curve = discountCurve();
    expect(curve[0]?.credits).toBe(MIN);
    expect(curve.at(-1)?.credits).toBe(MAX);
    for (const b of [START - 1, START, PRICING.discount.fullCredits])
      expect(curve.some((p) => p.credits === b)).toBe(true);
    for (const p of curve) expect(p.discountBps).toBe(quotePrice(p.credits).discountBps);
    for (let i = 1; i < curve.length; i++)
      expect(curve[i]!.credits).toBeGreaterThan(curve[i - 1]!.credits);
  });
});
