import { describe, expect, it, vi } from 'vitest';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { GET } from './route';

const OPS_TOKEN = vi.hoisted(() => {
  const token = 'ops-token-for-the-health-test-0123456789';
  process.env.OPS_TOKEN = token;
  return token;
});

const health = (init: { token?: string; headers?: Record<string, string> } = {}) =>
  callRoute(GET, '/api/health', init);

describe('GET /api/health', () => {
  it('tells anyone only that it is up: no configuration, version or components', async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toContain('no-store');
    // A wrong or malformed token, a plain user, an API-key style header: still only ok.
    for (const authorization of [
      'Bearer wrong-token-of-the-same-kind-0123456',
      `Bearer ${OPS_TOKEN}x`,
      OPS_TOKEN,
      `Basic ${OPS_TOKEN}`,
    ]) {
      expect((await health({ headers: { authorization } })).body).toEqual({ status: 'ok' });
    }
    const shopper = await sessionToken(await createTestUser());
    expect((await health({ token: shopper })).body).toEqual({ status: 'ok' });
    expect((await health({ token: 'not-a-session' })).body).toEqual({ status: 'ok' });
  });

  it('gives the details to the ops token and to a signed-in admin', async () => {
    const detailed = {
      status: 'ok',
      version: expect.any(String),
      inngest: expect.any(String),
      stripe: expect.any(String),
      devLogin: expect.any(Boolean),
      providers: expect.objectContaining({ local: true }),
    };
    const ops = await health({ headers: { authorization: `Bearer ${OPS_TOKEN}` } });
    expect(ops.body).toMatchObject(detailed);
    const admin = await sessionToken(await createTestUser({ role: 'support_admin' }));
    expect((await health({ token: admin })).body).toMatchObject(detailed);
  });
});
