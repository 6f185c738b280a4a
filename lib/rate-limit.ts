import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';

/**
 * Per-instance token buckets (rate-limiter-flexible). Limits are per process:
 * behind N instances a caller gets up to N× the budget, which is the accepted
 * trade-off for no shared store; the MongoDB/Redis limiters of the same
 * library are the drop-in scale path.
 */
export const RATE_LIMITS = {
  /** General API traffic per caller. */
  api: { points: 120, duration: 60 },
  /** Try-on submissions per caller. */
  tryonCreate: { points: 20, duration: 60 },
  /** Checkout session creation per caller. */
  checkout: { points: 10, duration: 60 },
  /** Image reads (/api/assets): a history page loads many thumbnails at once. */
  assets: { points: 600, duration: 60 },
  /** Stripe webhook ingress per source IP: Stripe sends bursts from few addresses; 429 only makes it retry. */
  stripeWebhook: { points: 1000, duration: 60 },
  /** Webhook test events and manual redeliveries per caller (each makes outgoing requests). */
  webhookSend: { points: 20, duration: 60 },
  /** Unauthenticated endpoints per IP (sign-in, webhooks ingress). */
  anonymous: { points: 60, duration: 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const g = globalThis as typeof globalThis & {
  __trailroomLimiters?: Map<RateLimitName, RateLimiterMemory>;
};
const limiters = (g.__trailroomLimiters ??= new Map());

function limiter(name: RateLimitName): RateLimiterMemory {
  let l = limiters.get(name);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: name, ...RATE_LIMITS[name] });
    limiters.set(name, l);
  }
  return l;
}

/** Consumes one point or throws `rate_limited` with the seconds to wait. */
export async function consumeRateLimit(name: RateLimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new AppError('rate_limited', `Too many requests. Retry in ${retryAfter} s.`, {
        retryAfter,
      });
    }
    throw res;
  }
}

export function resetRateLimits(): void {
  limiters.clear();
}
