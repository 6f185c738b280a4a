#!/usr/bin/env node
// npm run embed:build — bundles the storefront widget script (storefront/embed.ts) into
// public/embed.js: one minified IIFE with no dependencies, for the browsers shops serve.
// public/embed.js is committed (the app serves it as a static file); scripts/build-embed.test.ts
// fails when it is stale or over its budget (scripts/bundle-size.mjs checks the budget too).
//
//   node scripts/build-embed.mjs [--check]   (--check: exit 1 when public/embed.js is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
export const EMBED_SOURCE = path.join(ROOT, 'storefront/embed.ts');
export const EMBED_OUTPUT = path.join(ROOT, 'public/embed.js');
/** The widget script's budget (issue 11): 10 kB of gzip (level 9), as scripts/bundle-size.mjs counts (1 kB = 1,000 bytes). */
export const EMBED_BUDGET_BYTES = 10_000;

const BANNER =
  '/*! TrailRoom storefront widget. Generated from storefront/embed.ts by scripts/build-embed.mjs: do not edit. */';

/** The bundle as a string (deterministic: the same source gives the same bytes). */
export async function bundleEmbed() {
  const result = await build({
    entryPoints: [EMBED_SOURCE],
    bundle: true,
    format: 'iife',
    minify: true,
    // What shops' visitors run: ES2020 (every evergreen browser since 2020, Safari 14).
    target: 'es2020',
    banner: { js: BANNER },
    legalComments: 'inline',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild wrote nothing');
  return file.text;
}

export function gzipSize(text) {
  return gzipSync(Buffer.from(text), { level: 9 }).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await bundleEmbed();
  const gz = gzipSize(code);
  if (process.argv.includes('--check')) {
    const current = readFileSync(EMBED_OUTPUT, 'utf8');
    if (current !== code) {
      process.stderr.write('public/embed.js is stale: run npm run embed:build\n');
      process.exit(1);
    }
  } else {
    writeFileSync(EMBED_OUTPUT, code);
  }
  process.stdout.write(
    `public/embed.js: ${code.length} bytes, ${gz} bytes gzip (budget ${EMBED_BUDGET_BYTES})\n`,
  );
  if (gz > EMBED_BUDGET_BYTES) process.exit(1);
}
