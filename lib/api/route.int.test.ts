import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { RATE_LIMITS, resetRateLimits } from '@/lib/rate-limit';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { GET as getCredits } from '@/app/api/v1/credits/route';

afterEach(() => resetRateLimits());

const budget = RATE_LIMITS.api.points;
const POLICY = `"api";q=${budget};w=${RATE_LIMITS.api.duration}`;

function remaining(headers: Headers): number {
  const m = /^"api";r=(\d+);t=(\d+)$/.exec(headers.get('ratelimit') ?? '');
  expect(m, `RateLimit: ${headers.get('ratelimit')}`).not.toBeNull();
  expect(Number(m?.[2])).toBeGreaterThan(0);
  return Number(m?.[1]);
}

/** Spends the anonymous (per-IP) budget of GET /api/v1/credits. */
async function spendIpBudget(headers: Record<string, string> = {}) {
  for (let i = 0; i < budget; i += 1) {
    const res = await callRoute(getCredits, '/api/v1/credits', { headers });
    expect(res.status, `request ${i + 1}`).toBe(401);
  }
}

describe('apiRoute rate limiting', () => {
  it('answers 429 rate_limited with Retry-After and RateLimit headers once a caller spends the budget, per caller', async () => {
    const a = await sessionToken(await createTestUser());
    const b = await sessionToken(await createTestUser());
    for (let i = 0; i < budget; i += 1) {
      const ok = await callRoute(getCredits, '/api/v1/credits', { token: a });
      expect(ok.status, `request ${i + 1}`).toBe(200);
      expect(ok.headers.get('ratelimit-policy')).toBe(POLICY);
      expect(remaining(ok.headers)).toBe(budget - i - 1);
    }
    const limited = await callRoute(getCredits, '/api/v1/credits', { token: a });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(limited.headers.get('cache-control')).toBe('no-store');
    expect(limited.headers.get('ratelimit-policy')).toBe(POLICY);
    expect(limited.headers.get('ratelimit')).toBe(`"api";r=0;t=${retryAfter}`);
    // Another caller from the same address has their own budget: signed-in
    // requests are charged to the caller, not to the IP.
    expect((await callRoute(getCredits, '/api/v1/credits', { token: b })).status).toBe(200);
  });

  it('limits anonymous requests by IP, with the RateLimit headers on the 401s too', async () => {
    const first = await callRoute(getCredits, '/api/v1/credits');
    expect(first.status).toBe(401);
    expect(first.headers.get('ratelimit-policy')).toBe(POLICY);
    expect(remaining(first.headers)).toBe(budget - 1);
    for (let i = 1; i < budget; i += 1) await callRoute(getCredits, '/api/v1/credits');
    const limited = await callRoute(getCredits, '/api/v1/credits');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits requests with bad API keys (the IP pays before the key is looked up)', async () => {
    const badKey = `tr_live_${'x'.repeat(32)}`;
    for (let i = 0; i < budget; i += 1) {
      const res = await callRoute(getCredits, '/api/v1/credits', { apiKey: badKey });
      expect(res.status, `request ${i + 1}`).toBe(401);
    }
    const limited = await callRoute(getCredits, '/api/v1/credits', { apiKey: badKey });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('with 0 trusted proxy hops a spoofed X-Forwarded-For does not buy a fresh bucket', async () => {
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
    await spendIpBudget({ 'x-forwarded-for': '198.51.100.1' });
    const spoofed = await callRoute(getCredits, '/api/v1/credits', {
      headers: { 'x-forwarded-for': '198.51.100.2' },
    });
    expect(spoofed.status).toBe(429);
  });

  it('with 1 trusted hop the right-most X-Forwarded-For address is the client', async () => {
    const saved = env.TRUSTED_PROXY_HOPS;
    env.TRUSTED_PROXY_HOPS = 1;
    try {
      await spendIpBudget({ 'x-forwarded-for': '198.51.100.1, 203.0.113.5' });
      // Whatever the client wrote to the left, the proxy's entry decides.
      const spoofed = await callRoute(getCredits, '/api/v1/credits', {
        headers: { 'x-forwarded-for': '198.51.100.99, 203.0.113.5' },
      });
      expect(spoofed.status).toBe(429);
      const other = await callRoute(getCredits, '/api/v1/credits', {
        headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.6' },
      });
      expect(other.status).toBe(401);
    } finally {
      env.TRUSTED_PROXY_HOPS = saved;
    }
  });

  it('stamps every response with a request id, and keeps a caller-supplied one', async () => {
    const token = await sessionToken(await createTestUser());
    const res = await callRoute(getCredits, '/api/v1/credits', {
      token,
      headers: { 'x-request-id': 'req-123' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-123');
    const anon = await callRoute(getCredits, '/api/v1/credits');
    expect(anon.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
