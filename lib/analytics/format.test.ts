import { describe, expect, it } from 'vitest';
import { formatChange, formatDuration, formatPercent, peakDay, shortDay } from './format';

describe('analytics formatting', () => {
  it('durations read naturally at every scale', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });

  it('percentages and changes', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.8333)).toBe('83.3%');
    expect(formatPercent(null)).toBe('—');
    expect(formatChange(0.125, 'relative')).toBe('+13%');
    expect(formatChange(-0.034, 'relative')).toBe('−3.4%');
    expect(formatChange(0, 'relative')).toBe('±0%');
    expect(formatChange(-0.021, 'points')).toBe('−2.1 pts');
    expect(formatChange(null, 'points')).toBeNull();
  });

  it('days and peaks', () => {
    expect(shortDay('2027-01-05')).toBe('Jan 5');
    const pts = [
      { day: 'a', v: 0 },
      { day: 'b', v: 3 },
      { day: 'c', v: 3 },
    ];
    expect(peakDay(pts, (p) => p.v)).toEqual({ day: 'b', value: 3 });
    expect(peakDay([{ day: 'a', v: 0 }], (p) => p.v)).toBeNull();
  });
});
