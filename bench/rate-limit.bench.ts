import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createLimiter, ensureRateLimitStore } from '@/lib/rate-limit';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
import { defineSuite } from './suite';

/**
 * Rate-limit overshoot and cost: a burst of 200 concurrent consumes of one
 * fresh bucket (budget 50) per run, on the memory store (one process), the
 * shared MongoDB-wire store through one instance, and the shared store split
 * over two instances (two limiter objects, each with its own per-key queue, as
 * two processes have). The allowed counts per case are in the meta (min, max,
 * mean): anything above 50 is overshoot.
 */
const BURST = 200;
const BUDGET = { points: 50, duration: 60 };
let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let dataDir = '';
let run = 0;
const allowedCounts = new Map<string, number[]>();

async function burst(name: string, limiters: RateLimiterAbstract[]): Promise<number> {
  const key = `bench-${process.pid}-${run++}`;
  const results = await Promise.all(
    Array.from({ length: BURST }, (_, i) =>
      limiters[i % limiters.length]!.consume(key).then(
        () => true,
        (e: unknown) => {
          if (e instanceof RateLimiterRes) return false;
          throw e;
        },
      ),
    ),
  );
  const allowed = results.filter(Boolean).length;
  allowedCounts.set(name, [...(allowedCounts.get(name) ?? []), allowed]);
  return allowed;
}

let memory: RateLimiterAbstract;
let one: RateLimiterAbstract;
let two: RateLimiterAbstract[] = [];

function summary(counts: number[] = []) {
  if (counts.length === 0) return null;
  return {
    min: Math.min(...counts),
    max: Math.max(...counts),
    mean: Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10,
    runs: counts.length,
  };
}

export default defineSuite({
  name: 'rate-limit',
  description: `${BURST} concurrent consumes of one bucket (budget ${BUDGET.points}): memory vs shared store, one and two instances`,
  runs: 10,
  warmup: 1,
  opsPerRun: BURST,
  baseline: 'memory, one instance',
  async setup() {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-ratelimit-'));
    db = (await startDatabase({ dataDir })) as typeof db;
    await mongoose.connect(withDatabase(db!.uri, 'trailroom_bench_ratelimit') as string, {
      autoIndex: false,
    });
    await ensureRateLimitStore();
    memory = createLimiter('bench-memory', BUDGET, 'memory');
    one = createLimiter('bench-one', BUDGET, 'mongodb');
    two = [
      createLimiter('bench-two', BUDGET, 'mongodb'),
      createLimiter('bench-two', BUDGET, 'mongodb'),
    ];
  },
  meta: () => ({
    engine: db?.engine,
    budget: BUDGET.points,
    burst: BURST,
    allowed: Object.fromEntries([...allowedCounts].map(([k, v]) => [k, summary(v)])),
  }),
  cases: [
    { name: 'memory, one instance', fn: () => burst('memory, one instance', [memory]) },
    { name: 'shared store, one instance', fn: () => burst('shared store, one instance', [one]) },
    { name: 'shared store, two instances', fn: () => burst('shared store, two instances', two) },
  ],
  async teardown() {
    console.info(
      '[rate-limit] allowed of 200 (budget 50):',
      JSON.stringify(Object.fromEntries([...allowedCounts].map(([k, v]) => [k, summary(v)]))),
    );
    await mongoose.disconnect();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
