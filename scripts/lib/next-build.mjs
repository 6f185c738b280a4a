// The production build end-to-end runs start (its standalone server): reused when
// it is newer than every source file (npm test builds right before e2e), built
// here when it is missing or older than the tree. E2E_BUILD=always|never
// overrides that choice.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BIN, run } from './proc.mjs';
import { ROOT } from './tools.mjs';

const SOURCE_DIRS = ['app', 'components', 'lib', 'models', 'inngest', 'public', 'config'];
const SOURCE_FILES = [
  'middleware.ts',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'postcss.config.mjs',
  'tailwind.config.ts',
];
// Tests never reach the bundle: editing one does not make the build stale.
const NOT_BUILT = /\.(test|int\.test|bench)\.tsx?$/;

function newestSource(since) {
  const stack = SOURCE_DIRS.map((d) => path.join(ROOT, d)).filter((d) => existsSync(d));
  for (const f of SOURCE_FILES) {
    const p = path.join(ROOT, f);
    if (existsSync(p) && statSync(p).mtimeMs > since) return p;
  }
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') stack.push(p);
      } else if (!NOT_BUILT.test(entry.name) && statSync(p).mtimeMs > since) return p;
    }
  }
  return null;
}

/**
 * Makes sure `distDir` holds a production build of the current tree.
 * Resolves to a short note of what was done; throws when the build fails.
 */
export async function ensureProductionBuild({ distDir, env, mode = process.env.E2E_BUILD }) {
  const marker = path.join(ROOT, distDir, 'BUILD_ID');
  let reason = null;
  if (mode === 'always') reason = 'E2E_BUILD=always';
  else if (!existsSync(marker)) reason = `no production build in ${distDir}`;
  else if (mode !== 'never') {
    const newer = newestSource(statSync(marker).mtimeMs);
    if (newer) reason = `${path.relative(ROOT, newer)} is newer than the build`;
  }
  if (!reason) return `reusing the production build in ${distDir}`;
  process.stderr.write(`[e2e] building for production (${reason}) …\n`);
  const code = await run(BIN('next'), ['build'], {
    env: { ...env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir },
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  return `built ${distDir} (${reason})`;
}
