/**
 * `npm run bench [filter…]` — runs every bench/*.bench.ts suite (or those
 * whose file or suite name contains a filter), prints one table per suite
 * and writes bench-results/<suite>.json. Cases of a suite are interleaved
 * run by run, in a rotating order, so drift on a busy machine and any
 * warm-cache advantage of running second hit them alike.
 *
 * Env: BENCH_RUNS / BENCH_WARMUP override every suite's counts (quick checks).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize, type BenchSuite, type CaseResult } from './suite';

// The webhook suite delivers to a receiver on 127.0.0.1, which only this
// development setting allows (set before any suite loads lib/env).
process.env.WEBHOOK_ALLOW_PRIVATE_URLS ??= 'true';

const here = path.dirname(new URL(import.meta.url).pathname);
const resultsDir = path.resolve(here, '..', 'bench-results');

function table(rows: CaseResult[]): string {
  const head = ['case', 'median ms', 'p90 ms', 'min ms', 'runs', 'ops/s', 'ratio', 'vs'];
  const body = rows.map((r) => [
    r.name,
    r.medianMs.toFixed(2),
    r.p90Ms.toFixed(2),
    r.minMs.toFixed(2),
    String(r.runs),
    r.opsPerSec === undefined ? '' : String(r.opsPerSec),
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    r.vs ?? '',
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const left = (i: number) => i === 0 || i === head.length - 1;
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function runSuite(suite: BenchSuite): Promise<CaseResult[]> {
  const runs = Number(process.env.BENCH_RUNS) || suite.runs || 15;
  const warmup =
    process.env.BENCH_WARMUP !== undefined ? Number(process.env.BENCH_WARMUP) : (suite.warmup ?? 3);
  const samples = new Map<string, number[]>(suite.cases.map((c) => [c.name, []]));
  let sink: unknown;
  for (let i = 0; i < warmup; i++)
    for (const c of suite.cases) {
      sink = await c.fn();
      await c.settle?.();
    }
  for (let i = 0; i < runs; i++) {
    // Rotate the order every run so no case always follows the same neighbour.
    const order = suite.cases.map(
      (_, k) => suite.cases[(k + i) % suite.cases.length] as BenchSuite['cases'][number],
    );
    for (const c of order) {
      const t0 = performance.now();
      sink = await c.fn();
      samples.get(c.name)?.push(performance.now() - t0);
      await c.settle?.();
    }
  }
  void sink;
  const results = suite.cases.map((c) =>
    summarize(c.name, samples.get(c.name) ?? [], suite.opsPerRun),
  );
  const byName = new Map(results.map((r) => [r.name, r]));
  return suite.cases.map((c, i) => {
    const r = results[i] as CaseResult;
    const baseName = c.baseline ?? suite.baseline;
    if (!baseName || baseName === c.name) return r;
    const base = byName.get(baseName);
    if (!base) throw new Error(`suite ${suite.name}: baseline "${baseName}" is not a case`);
    return { ...r, ratio: Math.round((r.medianMs / base.medianMs) * 1000) / 1000, vs: baseName };
  });
}

/** Each phase's setup, then every case; ratios against the same case in the first phase. */
async function runPhases(suite: BenchSuite): Promise<CaseResult[]> {
  const phases = suite.phases ?? [];
  const all: CaseResult[] = [];
  const first = new Map<string, CaseResult>();
  for (const [i, phase] of phases.entries()) {
    console.log(`… phase ${phase.name}`);
    await phase.setup();
    for (const r of await runSuite(suite)) {
      if (i === 0) first.set(r.name, r);
      const base = first.get(r.name);
      const name = `${r.name} @${phase.name}`;
      const { ratio: _ratio, vs: _vs, ...rest } = r;
      all.push(
        i === 0 || !base
          ? { ...rest, name }
          : {
              ...rest,
              name,
              ratio: Math.round((r.medianMs / base.medianMs) * 1000) / 1000,
              vs: `${r.name} @${phases[0]?.name ?? ''}`,
            },
      );
    }
  }
  return all;
}

async function main() {
  const filters = process.argv.slice(2);
  const all = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
  // A filter naming a file loads only the files it names (a suite that does not load cannot stop another).
  const named = all.filter((f) => filters.some((x) => f.includes(x)));
  const files = filters.length && named.length ? named : all;
  await mkdir(resultsDir, { recursive: true });
  let ran = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
      default?: BenchSuite;
    };
    const suite = mod.default;
    if (!suite) throw new Error(`${file} has no default export (use defineSuite)`);
    if (filters.length && !filters.some((f) => file.includes(f) || suite.name.includes(f)))
      continue;
    if (!filters.length && suite.manual) {
      console.log(`\n## ${suite.name} — skipped (run it by name: npm run bench ${suite.name})`);
      continue;
    }
    console.log(`\n## ${suite.name}${suite.description ? ` — ${suite.description}` : ''}`);
    try {
      await suite.setup?.();
      const custom = suite.run ? await suite.run() : null;
      const results = custom
        ? custom.results
        : suite.phases?.length
          ? await runPhases(suite)
          : await runSuite(suite);
      console.log(custom ? custom.table : table(results as CaseResult[]));
      const record = {
        suite: suite.name,
        description: suite.description,
        baseline: suite.baseline,
        at: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpu: os.cpus()[0]?.model,
          memGiB: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
        },
        meta: custom?.meta ?? suite.meta?.(),
        results,
      };
      await writeFile(
        path.join(resultsDir, `${suite.name}.json`),
        `${JSON.stringify(record, null, 2)}\n`,
      );
      console.log(`→ bench-results/${suite.name}.json`);
      ran++;
    } finally {
      await suite.teardown?.();
    }
  }
  if (ran === 0) console.warn(`No suite matched ${filters.join(', ') || '(none found)'}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
