import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * Rate-limit policies (rate-limiter-flexible). Each route names one policy;
 * its bucket is keyed by the caller (user id) once authenticated, by the
 * client IP before that and for anonymous callers.
 *
 * Limits are per process: behind N instances a caller gets up to N× the
 * budget. `createLimiter` is the one place a limiter is built, so a shared
 * store (the library's MongoDB or Redis limiters, same interface) replaces
 * the memory one there.
 */
export interface RateLimitBudget {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

export const RATE_LIMITS = {
  /** General API traffic per caller (and per IP before authentication). */
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
} as const satisfies Record<string, RateLimitBudget>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * Plan tiers. No plans exist yet, so every caller is `default` and gets
 * RATE_LIMITS. A plan adds its name here and its overrides to
 * PLAN_RATE_LIMITS (e.g. `pro: { api: { points: 600, duration: 60 } }`);
 * the caller's tier is then passed to `consumeRateLimit`.
 */
export type PlanTier = 'default';
export const PLAN_RATE_LIMITS: Record<PlanTier, Partial<Record<RateLimitName, RateLimitBudget>>> = {
  default: {},
};

export function rateLimitBudget(name: RateLimitName, tier: PlanTier = 'default'): RateLimitBudget {
  const budget = PLAN_RATE_LIMITS[tier][name] ?? RATE_LIMITS[name];
  // RATE_LIMIT_SCALE (default 1): contract and load runs of a local build.
  return env.RATE_LIMIT_SCALE === 1
    ? budget
    : { ...budget, points: budget.points * env.RATE_LIMIT_SCALE };
}

/** What the RateLimit headers report: the policy charged and where its bucket stands. */
export interface RateLimitState {
  /** Policy identifier: the limit name, suffixed with the tier when it is not the default. */
  policy: string;
  limit: number;
  windowSeconds: number;
  remaining: number;
  resetSeconds: number;
}

/** 429 `rate_limited`, carrying the bucket state for the RateLimit headers. */
export class RateLimitedError extends AppError {
  constructor(readonly state: RateLimitState) {
    super('rate_limited', `Too many requests. Retry in ${state.resetSeconds} s.`, {
      retryAfter: state.resetSeconds,
    });
  }
}

function createLimiter(keyPrefix: string, budget: RateLimitBudget): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix, ...budget });
}

const g = globalThis as typeof globalThis & {
  __trailroomLimiters?: Map<string, RateLimiterAbstract>;
};
const limiters = (g.__trailroomLimiters ??= new Map());

function policyId(name: RateLimitName, tier: PlanTier): string {
  return tier === 'default' ? name : `${name}.${tier}`;
}

function limiter(name: RateLimitName, tier: PlanTier): RateLimiterAbstract {
  const id = policyId(name, tier);
  let l = limiters.get(id);
  if (!l) {
    l = createLimiter(id, rateLimitBudget(name, tier));
    limiters.set(id, l);
  }
  return l;
}

function stateOf(name: RateLimitName, tier: PlanTier, res: RateLimiterRes): RateLimitState {
  const budget = rateLimitBudget(name, tier);
  return {
    policy: policyId(name, tier),
    limit: budget.points,
    windowSeconds: budget.duration,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/** Spends one point of `key`'s bucket; throws RateLimitedError (429) when it is empty. */
export async function consumeRateLimit(
  name: RateLimitName,
  key: string,
  tier: PlanTier = 'default',
): Promise<RateLimitState> {
  try {
    return stateOf(name, tier, await limiter(name, tier).consume(key));
  } catch (res) {
    if (res instanceof RateLimiterRes) throw new RateLimitedError(stateOf(name, tier, res));
    throw res;
  }
}

/** Gives back a point spent by `consumeRateLimit` (the request turned out to be charged elsewhere). */
export async function refundRateLimit(
  name: RateLimitName,
  key: string,
  tier: PlanTier = 'default',
): Promise<void> {
  await limiter(name, tier).reward(key, 1);
}

export function resetRateLimits(): void {
  limiters.clear();
}
