import { describe, expect, it } from 'vitest';
import { pollDelay } from './use-tryon-job';

describe('pollDelay', () => {
  it('polls every second for the first ten polls', () => {
    for (let a = 0; a <= 10; a++) expect(pollDelay(a, 0)).toBe(1000);
  });

  it('slows down after that, up to the cap', () => {
    expect(pollDelay(11, 0)).toBe(1250);
    expect(pollDelay(12, 0)).toBeGreaterThan(pollDelay(11, 0));
    expect(pollDelay(100, 0)).toBe(5000);
  });

  it('backs off on failures and never passes the cap', () => {
    expect(pollDelay(0, 1)).toBe(2000);
    expect(pollDelay(0, 2)).toBe(4000);
    expect(pollDelay(0, 50)).toBe(5000);
    expect(pollDelay(0, 1, { baseMs: 100, maxMs: 300 })).toBe(200);
  });
});
