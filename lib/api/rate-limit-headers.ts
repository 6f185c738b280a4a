import type { RateLimitState } from '@/lib/rate-limit';

/**
 * The RateLimit-Policy and RateLimit fields of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers, structured-field lists):
 * `RateLimit-Policy: "api";q=120;w=60` (quota q per window w seconds) and
 * `RateLimit: "api";r=57;t=23` (r remaining, t seconds until the window resets).
 */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const id = `"${state.policy}"`;
  return {
    'RateLimit-Policy': `${id};q=${state.limit};w=${state.windowSeconds}`,
    RateLimit: `${id};r=${state.remaining};t=${state.resetSeconds}`,
  };
}

/** Stamps the headers on a response (success or error); 429s also carry Retry-After. */
export function setRateLimitHeaders(res: Response, state: RateLimitState | undefined): void {
  if (!state) return;
  for (const [name, value] of Object.entries(rateLimitHeaders(state))) res.headers.set(name, value);
  if (res.status === 429) res.headers.set('Retry-After', String(state.resetSeconds));
}
