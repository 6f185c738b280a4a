import { describe, expect, it } from 'vitest';
import { formatCents, formatUnitPrice } from './price';

describe('money formatting', () => {
  it('formats integer cents', () => {
    expect(formatCents(3_780)).toBe('$37.80');
    expect(formatCents(600)).toBe('$6.00');
    expect(formatCents(150_000)).toBe('$1,500.00');
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(1_000, 'eur')).toBe('€10.00');
  });
  it('formats a per-credit price with enough digits to tell packs apart', () => {
    expect(formatUnitPrice(600, 300)).toBe('$0.020');
    expect(formatUnitPrice(3_780, 2_100)).toBe('$0.018');
    expect(formatUnitPrice(75_000, 50_000)).toBe('$0.015');
    expect(formatUnitPrice(8_909, 5_000)).toBe('$0.0178');
  });
});
