import mongoose from 'mongoose';
import {
  RateLimiterMemory,
  RateLimiterMongo,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { connectDb } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { recordRateLimitRefusal } from '@/lib/metrics';

/**
 * Rate-limit policies (rate-limiter-flexible). Each route names one policy;
 * its bucket is keyed by the caller (user id) once authenticated, by the
 * client IP before that and for anonymous callers.
 *
 * Store (RATE_LIMIT_STORE): `memory` (default) keeps buckets in the process,
 * so behind N instances a caller gets up to N× the budget; `mongodb` keeps
 * them in the app database (collection `rate_limits`, one document per
 * bucket, expired by a TTL index), so every instance spends from one budget.
 * The library counts with one findOneAndUpdate `$inc` upsert per request:
 * atomic on MongoDB, but FerretDB 1.x runs it as read-modify-write, so
 * concurrent requests can each read the same count and a burst overshoots
 * the budget (measured in lib/rate-limit.int.test.ts and `npm run bench`).
 * A database error falls back to a per-process memory bucket (insurance
 * limiter) rather than failing the request.
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
  /** Support form messages per person (per IP when signed out). */
  supportMessage: { points: 5, duration: 600 },
  /** Account data exports per person (each zips every record and image). */
  accountExport: { points: 3, duration: 600 },
  /** Storefront widget try-ons per client IP (anonymous shoppers; the visitor quota is per day). */
  widget: { points: 20, duration: 60 },
  /** Storefront widget status polls and result images per client IP. */
  widgetRead: { points: 240, duration: 60 },
  /** Storefront event beacons (`TrailRoom.track`) per client IP: a shopper's clicks, not a flood. */
  widgetEvents: { points: 60, duration: 60 },
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

/** The collection holding shared buckets (RATE_LIMIT_STORE=mongodb). */
export const RATE_LIMIT_COLLECTION = 'rate_limits';

const gStore = globalThis as typeof globalThis & { __trailroomRateLimitStore?: Promise<void> };

/**
 * Connects and creates the shared store's indexes, once per process: a unique
 * `key` (without it concurrent first requests insert duplicate buckets and
 * each counts alone) and, where the server has TTL indexes (MongoDB; FerretDB
 * 1.x has none), expiry of spent buckets. Without TTL an expired bucket stays
 * as one small document per key, reused by that key's next window.
 */
export function ensureRateLimitStore(): Promise<void> {
  gStore.__trailroomRateLimitStore ??= (async () => {
    const conn = await connectDb();
    const db = conn.connection.db;
    if (!db) throw new AppError('service_unavailable', 'The database is not connected');
    const collection = db.collection(RATE_LIMIT_COLLECTION);
    await collection.createIndex({ key: 1 }, { unique: true });
    await collection.createIndex({ expire: -1 }, { expireAfterSeconds: 0 }).catch(() => undefined);
  })().catch((err: unknown) => {
    gStore.__trailroomRateLimitStore = undefined;
    throw err;
  });
  return gStore.__trailroomRateLimitStore;
}

/**
 * Builds one policy's limiter on the given store. `mongodb` needs
 * `ensureRateLimitStore()` done first; its buckets are shared with every other
 * limiter of the same `keyPrefix` on the same database, in any process.
 */
export function createLimiter(
  keyPrefix: string,
  budget: RateLimitBudget,
  store: 'memory' | 'mongodb' = env.RATE_LIMIT_STORE,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, ...budget });
  if (store === 'memory') return memory;
  const db = mongoose.connection.db;
  if (!db) throw new AppError('service_unavailable', 'The database is not connected');
  const shared = new RateLimiterMongo({
    storeClient: db,
    tableName: RATE_LIMIT_COLLECTION,
    keyPrefix,
    ...budget,
    disableIndexesCreation: true,
    insuranceLimiter: memory,
  });
  // One bucket update at a time per key in this process: on a server without
  // atomic findAndModify (FerretDB) concurrent updates of one document lose
  // increments, so a burst from one caller would pass almost whole. Queued,
  // only updates from different instances can still overlap.
  const queues = new Map<string | number, Promise<unknown>>();
  const consume = shared.consume.bind(shared);
  const reward = shared.reward.bind(shared);
  shared.consume = (key, points, options) =>
    queued(queues, key, () => consume(key, points, options));
  shared.reward = (key, points, options) => queued(queues, key, () => reward(key, points, options));
  return shared;
}

/** Runs `fn` after the earlier bucket updates of the same key on this limiter. */
function queued<T>(
  queues: Map<string | number, Promise<unknown>>,
  key: string | number,
  fn: () => Promise<T>,
): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

const g = globalThis as typeof globalThis & {
  __trailroomLimiters?: Map<string, RateLimiterAbstract>;
};
const limiters = (g.__trailroomLimiters ??= new Map());

function policyId(name: RateLimitName, tier: PlanTier): string {
  return tier === 'default' ? name : `${name}.${tier}`;
}

async function limiter(name: RateLimitName, tier: PlanTier): Promise<RateLimiterAbstract> {
  const id = policyId(name, tier);
  let l = limiters.get(id);
  if (!l) {
    if (env.RATE_LIMIT_STORE === 'mongodb') await ensureRateLimitStore();
    l = limiters.get(id) ?? createLimiter(id, rateLimitBudget(name, tier));
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
    return stateOf(name, tier, await (await limiter(name, tier)).consume(key));
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      recordRateLimitRefusal(policyId(name, tier));
      throw new RateLimitedError(stateOf(name, tier, res));
    }
    throw res;
  }
}

/** Gives back a point spent by `consumeRateLimit` (the request turned out to be charged elsewhere). */
export async function refundRateLimit(
  name: RateLimitName,
  key: string,
  tier: PlanTier = 'default',
): Promise<void> {
  await (await limiter(name, tier)).reward(key, 1);
}

export function resetRateLimits(): void {
  limiters.clear();
}
