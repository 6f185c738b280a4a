import { afterEach, describe, expect, it } from 'vitest';
import {
  consumeRateLimit,
  RATE_LIMITS,
  RateLimitedError,
  rateLimitBudget,
  refundRateLimit,
  resetRateLimits,
} from './rate-limit';

afterEach(() => resetRateLimits());

describe('rate limits', () => {
  it('counts down per key and throws 429 with the bucket state when empty', async () => {
    const { points, duration } = RATE_LIMITS.checkout;
    for (let i = 1; i <= points; i += 1) {
      const s = await consumeRateLimit('checkout', 'k1');
      expect(s).toMatchObject({ policy: 'checkout', limit: points, windowSeconds: duration });
      expect(s.remaining).toBe(points - i);
    }
    const err = await consumeRateLimit('checkout', 'k1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ code: 'rate_limited', status: 429 });
    const { state, retryAfter } = err as RateLimitedError;
    expect(state.remaining).toBe(0);
    expect(state.resetSeconds).toBeGreaterThan(0);
    expect(state.resetSeconds).toBeLessThanOrEqual(duration);
    expect(retryAfter).toBe(state.resetSeconds);
    // Another key has its own bucket.
    expect((await consumeRateLimit('checkout', 'k2')).remaining).toBe(points - 1);
  });

  it('gives a refunded point back', async () => {
    await consumeRateLimit('api', 'k');
    await refundRateLimit('api', 'k');
    expect((await consumeRateLimit('api', 'k')).remaining).toBe(RATE_LIMITS.api.points - 1);
  });

  it('resolves budgets by plan tier, the default tier being RATE_LIMITS', () => {
    expect(rateLimitBudget('api')).toEqual(RATE_LIMITS.api);
    expect(rateLimitBudget('api', 'default')).toEqual(RATE_LIMITS.api);
  });
});
