import { describe, expect, it } from 'vitest';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import nextConfig from '@/next.config';

/**
 * next.config headers are set before a route runs and Next keeps the first
 * value, so the blanket `/api/*` no-store would override the asset route's
 * private, immutable caching. The rule must skip /api/assets/* and still
 * cover every other API path. Matched with Next's own path matcher, with the
 * options its router uses for custom headers.
 */
async function cacheControlRuleMatches(pathname: string): Promise<boolean> {
  const rules = (await nextConfig.headers?.()) ?? [];
  return rules
    .filter((r) => r.headers.some((h) => h.key.toLowerCase() === 'cache-control'))
    .some(
      (r) =>
        getPathMatch(r.source, { strict: true, removeUnnamedParams: true })(pathname) !== false,
    );
}

describe('next.config Cache-Control rule', () => {
  it('leaves the asset route to set its own caching', async () => {
    expect(await cacheControlRuleMatches('/api/assets/6652f1f1f1f1f1f1f1f1f1f1')).toBe(false);
  });

  it('still marks every other API response no-store', async () => {
    for (const p of [
      '/api/v1/tryon',
      '/api/v1/tryon/abc/image',
      '/api/health',
      '/api/auth/session',
      '/api/assetsx/1',
      '/api/v1/assets/1',
    ]) {
      expect(await cacheControlRuleMatches(p), p).toBe(true);
    }
  });
});
