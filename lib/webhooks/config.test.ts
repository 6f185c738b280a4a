import { describe, expect, it } from 'vitest';
import { formatDelay, RETRY_SCHEDULE_MS, retryScheduleMs } from './config';

describe('retry schedule', () => {
  it('spans about a day in eight attempts, waits growing', () => {
    const total = RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0);
    expect(RETRY_SCHEDULE_MS).toHaveLength(8);
    expect(RETRY_SCHEDULE_MS[0]).toBe(0);
    expect(total / 3_600_000).toBeGreaterThan(24);
    expect(total / 3_600_000).toBeLessThan(30);
    for (let i = 1; i < RETRY_SCHEDULE_MS.length; i++)
      expect(RETRY_SCHEDULE_MS[i]!).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[i - 1]!);
  });

  it('scales every wait (tests), keeping the number of attempts', () => {
    expect(retryScheduleMs(1)).toEqual([...RETRY_SCHEDULE_MS]);
    const fast = retryScheduleMs(0.00001);
    expect(fast).toHaveLength(8);
    expect(fast.reduce((a, b) => a + b, 0)).toBeLessThan(1_500);
  });

  it('formats waits for people', () => {
    expect(RETRY_SCHEDULE_MS.map(formatDelay)).toEqual([
      'immediately',
      '5 s',
      '5 min',
      '30 min',
      '2 h',
      '5 h',
      '10 h',
      '10 h',
    ]);
  });
});

describe('WEBHOOK_RETRY_SCALE setting', () => {
  it('defaults to 1 when empty or unset, accepts (0, 1], refuses the rest', async () => {
    const { parseEnv } = await import('@/lib/env');
    expect(parseEnv({}).WEBHOOK_RETRY_SCALE).toBe(1);
    expect(parseEnv({ WEBHOOK_RETRY_SCALE: '' }).WEBHOOK_RETRY_SCALE).toBe(1);
    expect(parseEnv({ WEBHOOK_RETRY_SCALE: '0.001' }).WEBHOOK_RETRY_SCALE).toBe(0.001);
    expect(() => parseEnv({ WEBHOOK_RETRY_SCALE: '0' })).toThrow(/WEBHOOK_RETRY_SCALE/);
    expect(() => parseEnv({ WEBHOOK_RETRY_SCALE: '2' })).toThrow(/WEBHOOK_RETRY_SCALE/);
  });
});
