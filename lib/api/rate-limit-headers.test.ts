import { describe, expect, it } from 'vitest';
import { rateLimitHeaders, setRateLimitHeaders } from './rate-limit-headers';

const state = { policy: 'api', limit: 120, windowSeconds: 60, remaining: 57, resetSeconds: 23 };

describe('rate-limit headers', () => {
  it('writes the IETF draft structured-field syntax', () => {
    expect(rateLimitHeaders(state)).toEqual({
      'RateLimit-Policy': '"api";q=120;w=60',
      RateLimit: '"api";r=57;t=23',
    });
  });

  it('adds Retry-After on a 429 only, and nothing without a state', () => {
    const ok = new Response(null, { status: 200 });
    setRateLimitHeaders(ok, state);
    expect(ok.headers.get('ratelimit')).toBe('"api";r=57;t=23');
    expect(ok.headers.has('retry-after')).toBe(false);
    const limited = new Response(null, { status: 429 });
    setRateLimitHeaders(limited, { ...state, remaining: 0 });
    expect(limited.headers.get('retry-after')).toBe('23');
    const none = new Response(null);
    setRateLimitHeaders(none, undefined);
    expect(none.headers.has('ratelimit-policy')).toBe(false);
  });
});
