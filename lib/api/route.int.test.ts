import { afterEach, describe, expect, it } from 'vitest';
import { RATE_LIMITS, resetRateLimits } from '@/lib/rate-limit';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { GET as getCredits } from '@/app/api/v1/credits/route';

afterEach(() => resetRateLimits());

describe('apiRoute rate limiting', () => {
  it('answers 429 rate_limited with Retry-After once a caller spends the budget, per caller', async () => {
    const a = await sessionToken(await createTestUser());
    const b = await sessionToken(await createTestUser());
    const budget = RATE_LIMITS.api.points;
    for (let i = 0; i < budget; i += 1) {
      const ok = await callRoute(getCredits, '/api/v1/credits', { token: a });
      expect(ok.status, `request ${i + 1}`).toBe(200);
    }
    const limited = await callRoute(getCredits, '/api/v1/credits', { token: a });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('cache-control')).toBe('no-store');
    // Another caller has their own budget.
    expect((await callRoute(getCredits, '/api/v1/credits', { token: b })).status).toBe(200);
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
