import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleEmbed, EMBED_BUDGET_BYTES, EMBED_OUTPUT, gzipSize } from './build-embed.mjs';

describe('public/embed.js', () => {
  it('is the current build of storefront/embed.ts (run npm run embed:build after editing it)', async () => {
    expect(readFileSync(EMBED_OUTPUT, 'utf8')).toBe(await bundleEmbed());
  });

  it('stays within its budget of 10 kB gzip and imports nothing', () => {
    const code = readFileSync(EMBED_OUTPUT, 'utf8');
    expect(gzipSize(code)).toBeLessThanOrEqual(EMBED_BUDGET_BYTES);
    // One self-contained classic script: no module syntax, no loader, no second file.
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|\brequire\(|\bexport\s/m);
    expect(code.startsWith('/*! TrailRoom storefront widget.')).toBe(true);
  });
});
