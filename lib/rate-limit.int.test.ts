import mongoose from 'mongoose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

// The shared store, as a deployment with several instances sets it.
vi.hoisted(() => {
  process.env.RATE_LIMIT_STORE = 'mongodb';
});

const { metrics } = await import('@/lib/metrics');
const {
  consumeRateLimit,
  createLimiter,
  ensureRateLimitStore,
  RATE_LIMIT_COLLECTION,
  RATE_LIMITS,
  RateLimitedError,
  resetRateLimits,
} = await import('./rate-limit');

/**
 * The most a burst of 200 concurrent consumes, split over two instances, may
 * get through a budget of 50 on FerretDB 1.24, whose findOneAndUpdate `$inc`
 * upsert is read-modify-write: updates from the two instances that overlap
 * lose increments. Measured 72, 90, 103 and 111 of 200 in four runs (each
 * instance queues its own updates per key; without that queue 200 of 200
 * pass). On MongoDB the figure is exactly 50.
 */
export const SHARED_STORE_BURST_BOUND = 140;

afterEach(() => resetRateLimits());

/** Spends one point; true when allowed, false when refused with the library's RateLimiterRes. */
async function allowed(l: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await l.consume(key);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

describe('rate limits on the shared MongoDB store (RATE_LIMIT_STORE=mongodb)', () => {
  it('keeps buckets in the database, where another instance spends from the same budget', async () => {
    const { points } = RATE_LIMITS.checkout;
    for (let i = 1; i <= points; i += 1) {
      expect((await consumeRateLimit('checkout', 'user:a')).remaining).toBe(points - i);
    }
    await expect(consumeRateLimit('checkout', 'user:a')).rejects.toBeInstanceOf(RateLimitedError);

    // The bucket is a document in the app database…
    const db = mongoose.connection.db!;
    const doc = await db.collection(RATE_LIMIT_COLLECTION).findOne({ key: 'checkout:user:a' });
    expect(doc?.points).toBeGreaterThanOrEqual(points);

    // …so a second instance (its own limiter object, as in another process) finds it spent.
    const other = createLimiter('checkout', RATE_LIMITS.checkout, 'mongodb');
    expect(await allowed(other, 'user:a')).toBe(false);
    expect(await allowed(other, 'user:b')).toBe(true);

    // Refusals are counted for the metrics endpoint.
    const refused = await metrics().rateLimitRefusals.get();
    expect(refused.values.find((v) => v.labels.policy === 'checkout')?.value).toBe(1);
  });

  it('two instances alternating requests enforce one budget exactly when requests do not overlap', async () => {
    await ensureRateLimitStore();
    const budget = { points: 10, duration: 60 };
    const a = createLimiter('alternate', budget, 'mongodb');
    const b = createLimiter('alternate', budget, 'mongodb');
    let ok = 0;
    for (let i = 0; i < 30; i += 1) if (await allowed(i % 2 ? b : a, 'k')) ok += 1;
    expect(ok).toBe(10);
  });

  it('a burst of 200 concurrent requests on one instance gets exactly the budget', async () => {
    await ensureRateLimitStore();
    const one = createLimiter('burst-one', { points: 50, duration: 60 }, 'mongodb');
    const results = await Promise.all(Array.from({ length: 200 }, () => allowed(one, 'k')));
    expect(results.filter(Boolean).length).toBe(50);
  });

  it('a burst of 200 concurrent requests split over two instances stays within the measured overshoot', async () => {
    await ensureRateLimitStore();
    const budget = { points: 50, duration: 60 };
    const a = createLimiter('burst', budget, 'mongodb');
    const b = createLimiter('burst', budget, 'mongodb');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => allowed(i % 2 ? b : a, 'k')),
    );
    const ok = results.filter(Boolean).length;
    console.info(`[rate-limit] shared store burst: ${ok} of 200 allowed against a budget of 50`);
    // Never fewer than the budget; overlapping updates from the two instances may add up to ~2x.
    expect(ok).toBeGreaterThanOrEqual(50);
    expect(ok).toBeLessThanOrEqual(SHARED_STORE_BURST_BOUND);
  });
});
