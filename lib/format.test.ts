import { describe, expect, it } from 'vitest';
import {
  formatCents,
  formatCompact,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatShortDay,
  formatUnitPrice,
  formatUtc,
  formatUtcShort,
  plural,
} from './format';

const at = '2026-03-05T22:04:05.000Z';

describe('dates (UTC)', () => {
  it('formats a date without the time', () => {
    expect(formatDate(at)).toBe('Mar 5, 2026');
    expect(formatDate(new Date(at))).toBe('Mar 5, 2026');
  });

  it('formats date and time, short, with seconds, or long', () => {
    expect(formatDateTime(at)).toBe('Mar 5, 2026, 10:04 PM');
    expect(formatDateTime(at, { seconds: true })).toBe('Mar 5, 2026, 10:04:05 PM');
    expect(formatDateTime(at, { long: true })).toBe('March 5, 2026 at 10:04 PM');
  });

  it('suffixes UTC and shows a dash for a missing date', () => {
    expect(formatUtc(at)).toBe('Mar 5, 2026, 10:04 PM UTC');
    expect(formatUtc(null)).toBe('—');
    expect(formatUtc(undefined)).toBe('—');
  });

  it('has a short form without the year for narrow cards', () => {
    expect(formatUtcShort(at)).toBe('Mar 5, 10:04 PM UTC');
  });

  it('formats durations in seconds, then minutes', () => {
    expect(formatDuration(8_420)).toBe('8.4 s');
    expect(formatDuration(42_300)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });

  it('uses UTC, not the local zone, for a day key', () => {
    expect(formatShortDay('2026-01-01')).toBe('Jan 1');
  });
});

describe('counts', () => {
  it('groups thousands and shows a dash for nothing', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
  });

  it('compacts large numbers', () => {
    expect(formatCompact(12_300)).toBe('12.3K');
  });

  it('pluralises', () => {
    expect(plural(1, 'credit')).toBe('1 credit');
    expect(plural(1200, 'credit')).toBe('1,200 credits');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});

describe('money (integer cents)', () => {
  it('formats cents in the currency', () => {
    expect(formatCents(1200)).toBe('$12.00');
    expect(formatCents(99, 'eur')).toBe('€0.99');
  });

  it('formats a unit price with 3–4 decimals', () => {
    expect(formatUnitPrice(1800, 1000)).toBe('$0.018');
    expect(formatUnitPrice(1000, 100)).toBe('$0.100');
  });
});
