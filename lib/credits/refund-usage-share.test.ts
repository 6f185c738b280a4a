import { describe, expect, it } from 'vitest';
import { usageShare } from './refund-usage-share';

describe('usageShare', () => {
  it('cuts the taken credits, free first, into equal runs that add up to the entry', () => {
    const taken = { free: 3, paid: 5 };
    const shares = [1, 2, 3, 4].map((i) => usageShare(taken, i, 4));
    expect(shares).toEqual([
      { free: 2, paid: 0 },
      { free: 1, paid: 1 },
      { free: 0, paid: 2 },
      { free: 0, paid: 2 },
    ]);
    expect(shares.reduce((s, x) => s + x.free, 0)).toBe(3);
    expect(shares.reduce((s, x) => s + x.paid, 0)).toBe(5);
  });

  it('one share of one is the whole entry', () => {
    expect(usageShare({ free: 1, paid: 1 }, 1, 1)).toEqual({ free: 1, paid: 1 });
  });

  it('refuses a share that does not exist or an entry that does not split evenly', () => {
    expect(() => usageShare({ free: 0, paid: 6 }, 0, 3)).toThrow(RangeError);
    expect(() => usageShare({ free: 0, paid: 6 }, 4, 3)).toThrow(RangeError);
    expect(() => usageShare({ free: 1, paid: 6 }, 1, 3)).toThrow(RangeError);
  });
});
