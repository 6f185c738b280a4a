/**
 * A benchmark suite: named cases timed in the same process and the same run,
 * so ratios between them hold even on a noisy machine. One suite per
 * `bench/*.bench.ts` file (default export); `bench/run.ts` runs them.
 *
 *   export default defineSuite({
 *     name: 'ledger',
 *     setup: async () => { ... },
 *     baseline: 'raw findOneAndUpdate',
 *     opsPerRun: 100,               // each run does 100 operations → ops/s column
 *     cases: [
 *       { name: 'raw findOneAndUpdate', fn: async () => { ... } },
 *       { name: 'spendCredits', fn: async () => { ... } },
 *     ],
 *   });
 */
export interface BenchCase {
  name: string;
  /** One timed run. Whatever it returns is kept alive so the work is not optimised away. */
  fn: () => unknown | Promise<unknown>;
  /** Compare with this case instead of the suite's baseline. */
  baseline?: string;
  /** Untimed, after each run of this case: waits for background work it started (e.g. an inline job). */
  settle?: () => unknown | Promise<unknown>;
}

/** A state of the inputs (e.g. a data size): the cases run once per phase, after its setup. */
export interface BenchPhase {
  name: string;
  setup: () => Promise<void> | void;
}

export interface BenchSuite {
  /** Also the file name of bench-results/<name>.json. */
  name: string;
  /** Runs only when named (`npm run bench http`): too slow or heavy for a plain `npm run bench`. */
  manual?: boolean;
  description?: string;
  /** Timed runs per case (default 15); the median is reported. */
  runs?: number;
  /** Untimed runs per case first (default 3): JIT, caches, connection pools. */
  warmup?: number;
  /** Operations one run performs, for an ops/s figure (default: none). */
  opsPerRun?: number;
  /** Name of the case the others are compared with (ratio = case median / baseline median). */
  baseline?: string;
  setup?: () => Promise<void> | void;
  teardown?: () => Promise<void> | void;
  cases: BenchCase[];
  /**
   * Run every case once per phase (after that phase's setup, in order);
   * results are named `<case> @<phase>` and each is compared with the same
   * case in the first phase (a growth ratio) instead of the baseline.
   */
  phases?: BenchPhase[];
  /**
   * A suite that measures by itself (e.g. HTTP load with autocannon) instead
   * of timing `cases`: it returns its printed table, the results to record
   * and its meta. `cases` is then empty.
   */
  run?: () => Promise<{ table: string; results: unknown[]; meta?: Record<string, unknown> }>;
  /** Facts about the inputs to record beside the figures (sizes, counts). */
  meta?: () => Record<string, unknown>;
}

export function defineSuite(suite: BenchSuite): BenchSuite {
  return suite;
}

export interface CaseResult {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
  p90Ms: number;
  opsPerSec?: number;
  /** median / baseline median; absent for a baseline itself or without a baseline. */
  ratio?: number;
  /** The case the ratio compares with. */
  vs?: string;
}

export function summarize(name: string, samples: number[], opsPerRun?: number): CaseResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? NaN;
  const median =
    sorted.length % 2
      ? at(0.5)
      : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    name,
    runs: samples.length,
    medianMs: round(median),
    minMs: round(sorted[0] ?? NaN),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    meanMs: round(samples.reduce((s, x) => s + x, 0) / samples.length),
    p90Ms: round(at(0.9)),
    ...(opsPerRun ? { opsPerSec: Math.round((opsPerRun * 1000) / median) } : {}),
  };
}
