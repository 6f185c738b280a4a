#!/usr/bin/env node
// npm test — every suite, in order: lint, format, types, unit + integration
// (real database), production build, end-to-end (real browser, real server).
// Fails if any step fails or if a test suite ran zero tests.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BIN, run } from './lib/proc.mjs';
import { ROOT, ensureFerretDb } from './lib/tools.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const OUT = path.join(ROOT, '.cache/test-results');
mkdirSync(OUT, { recursive: true });

const results = [];
let passed = 0;
let failed = 0;
/** Every failed test, named with the first lines of its error, for the summary. */
const failures = [];

function collectPlaywrightFailures(suites, titles) {
  for (const suite of suites) {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'unexpected') {
          const last = t.results?.at(-1);
          failures.push({
            where: [...here, spec.title].join(' › '),
            why: String(last?.error?.message ?? last?.errors?.[0]?.message ?? 'failed')
              // Playwright's messages carry ANSI colours.
              .replace(/\u001b\[[0-9;]*m/g, ''),
          });
        }
    collectPlaywrightFailures(suite.suites ?? [], here);
  }
}

function countProjectTests(suites, project) {
  let n = 0;
  for (const suite of suites) {
    for (const spec of suite.specs ?? [])
      n += (spec.tests ?? []).filter((t) => t.projectName === project).length;
    n += countProjectTests(suite.suites ?? [], project);
  }
  return n;
}

/** Tests of one spec file (its path under e2e/) that ran, whatever their outcome. */
function countFileTests(suites, file) {
  let n = 0;
  for (const suite of suites) {
    for (const spec of suite.specs ?? [])
      if (spec.file === file) n += (spec.tests ?? []).filter((t) => t.status !== 'skipped').length;
    n += countFileTests(suite.suites ?? [], file);
  }
  return n;
}

async function step(name, fn) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  process.stdout.write(`\n━━ ${name} ━━\n`);
  let ok = false;
  let note = '';
  try {
    const r = await fn();
    ok = r.ok;
    note = r.note ?? '';
  } catch (err) {
    note = err instanceof Error ? err.message : String(err);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok, secs, note });
  process.stdout.write(`━━ ${name}: ${ok ? 'ok' : 'FAILED'} in ${secs} s ${note}\n`);
}

const testEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

await step('lint', async () => ({
  ok: (await run(BIN('eslint'), ['.', '--max-warnings=0'])) === 0,
}));
await step('format', async () => ({
  ok: (await run(BIN('prettier'), ['--check', '--log-level=warn', '.'])) === 0,
}));
await step('types', async () => ({
  ok: (await run(BIN('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) === 0,
}));

await step('unit+integration', async () => {
  if (!process.env.MONGODB_URI) ensureFerretDb();
  const file = path.join(OUT, 'vitest.json');
  rmSync(file, { force: true });
  const code = await run(
    BIN('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    {
      env: { ...testEnv, NODE_ENV: 'test' },
    },
  );
  if (!existsSync(file)) return { ok: false, note: '(no report written)' };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const byProject = { unit: 0, integration: 0 };
  for (const f of report.testResults) {
    byProject[/\.int\.test\.tsx?$/.test(f.name) ? 'integration' : 'unit'] +=
      f.assertionResults.length;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const f of report.testResults)
    for (const a of f.assertionResults)
      if (a.status === 'failed')
        failures.push({
          where: `${path.relative(process.cwd(), f.name)} › ${a.fullName}`,
          why: (a.failureMessages ?? []).join('\n'),
        });
  const empty = Object.entries(byProject)
    .filter(([, n]) => n === 0)
    .map(([p]) => p);
  const note = `(unit ${byProject.unit}, integration ${byProject.integration} tests; ${report.numPassedTests} passed, ${report.numFailedTests} failed)`;
  if (empty.length) return { ok: false, note: `${note} — ran zero tests in: ${empty.join(', ')}` };
  return { ok: code === 0 && report.numFailedTests === 0, note };
});

await step('build', async () => ({
  ok: (await run(BIN('next'), ['build'], { env: { ...testEnv, NODE_ENV: 'production' } })) === 0,
}));

// First Load JS per route against the budgets (scripts/bundle-size.mjs: landing, studio).
await step('bundle-size', async () => ({
  ok:
    (await run(process.execPath, [
      'scripts/bundle-size.mjs',
      '--check',
      '--json',
      path.join(OUT, 'bundle-size.json'),
    ])) === 0,
}));

// The public API against its OpenAPI document (schemathesis, every check, stateful
// phase, API key and session), on the production build made by `build`.
await step('contract', async () => {
  const file = path.join(OUT, 'contract.json');
  rmSync(file, { force: true });
  const code = await run(process.execPath, ['scripts/contract.mjs'], { env: testEnv });
  if (!existsSync(file)) return { ok: false, note: '(no report written)' };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const bad = report.results.filter((r) => !r.ok);
  // Every generated case counts as a test; a failed run counts its failed checks.
  const failedChecks = bad.reduce((n, r) => n + Math.max(1, r.failures), 0);
  passed += Math.max(0, report.cases - failedChecks);
  failed += failedChecks;
  for (const r of bad)
    failures.push({
      where: `contract › ${r.name}`,
      why: `schemathesis exit ${r.code}, ${r.failures} failed checks (see the log above)`,
    });
  const note = `(${report.version}: ${report.cases} cases, ${bad.length ? 'failures' : 'no failures'})`;
  if (report.cases === 0) return { ok: false, note: `${note} — ran zero cases` };
  return { ok: code === 0 && bad.length === 0, note };
});

await step('e2e', async () => {
  const file = path.join(OUT, 'playwright.json');
  rmSync(file, { force: true });
  // The e2e servers run the production build made by the step above (scripts/e2e-server.mjs).
  const built = results.some((r) => r.name === 'build' && r.ok);
  const code = await run(BIN('playwright'), ['test'], {
    env: {
      ...testEnv,
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      ...(built ? { E2E_BUILD: 'never' } : {}),
    },
  });
  if (!existsSync(file)) return { ok: false, note: '(no report written)' };
  const pw = JSON.parse(readFileSync(file, 'utf8'));
  const { stats } = pw;
  collectPlaywrightFailures(pw.suites ?? [], []);
  const total = stats.expected + stats.unexpected + stats.flaky;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  const note = `(${total} tests; ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped)`;
  if (total === 0) return { ok: false, note: `${note} — ran zero tests` };
  // The two-instance project (e2e/scale/) starts its own servers: make sure it ran.
  const scaleTests = countProjectTests(pw.suites ?? [], 'scale');
  if (process.env.E2E_SCALE !== '0' && scaleTests === 0)
    return { ok: false, note: `${note} — the scale project ran zero tests` };
  // The storefront widget across two origins (issue 11): make sure its specs ran.
  for (const spec of ['widget/storefront.spec.ts', 'widget/embed.spec.ts'])
    if (process.env.E2E_PROD !== '0' && countFileTests(pw.suites ?? [], spec) === 0)
      return { ok: false, note: `${note} — e2e/${spec} ran zero tests` };
  return { ok: code === 0 && stats.unexpected === 0, note };
});

process.stdout.write('\n━━ summary ━━\n');
for (const r of results)
  process.stdout.write(
    `  ${r.ok ? '✓' : '✗'} ${r.name.padEnd(18)} ${r.secs.padStart(7)} s ${r.note}\n`,
  );
if (failures.length) {
  // Repeated at the very end so that the tail of a CI log names what failed.
  process.stdout.write('\n━━ failures ━━\n');
  for (const f of failures) {
    const why = f.why.split('\n').slice(0, 12).join('\n      ');
    process.stdout.write(`  ✗ ${f.where}\n      ${why}\n`);
  }
}
const allOk = results.length > 0 && results.every((r) => r.ok);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(allOk ? 0 : 1);
