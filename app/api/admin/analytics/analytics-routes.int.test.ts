import { beforeAll, describe, expect, it } from 'vitest';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { AuditLog, DailyStat } from '@/models';
import { GET } from './route';
import { POST as ROLLUP } from './rollup/route';

const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const role of ['support_admin', 'finance_admin', 'super_admin'] as const)
    tokens[role] = await sessionToken(await createTestUser({ role }));
});

describe('admin analytics routes', () => {
  it('revenue is visible to finance and super admins only', async () => {
    const support = await callRoute(GET, '/api/admin/analytics?range=7', {
      token: tokens.support_admin,
    });
    expect(support.status).toBe(200);
    const s = support.body as {
      revenue_visible: boolean;
      kpis: Array<{ key: string }>;
      series: Array<Record<string, unknown>>;
    };
    expect(s.revenue_visible).toBe(false);
    expect(s.kpis.map((k) => k.key)).not.toContain('revenue');
    expect(s.series).toHaveLength(7);
    expect(s.series.every((p) => !('revenue_cents' in p))).toBe(true);

    for (const role of ['finance_admin', 'super_admin']) {
      const res = await callRoute(GET, '/api/admin/analytics?range=30', { token: tokens[role] });
      const b = res.body as typeof s;
      expect(b.revenue_visible).toBe(true);
      expect(b.kpis.map((k) => k.key)).toContain('revenue');
      expect(b.series).toHaveLength(30);
      expect(b.series.every((p) => typeof p.revenue_cents === 'number')).toBe(true);
    }
  });

  it('refuses a range other than 7, 30 or 90', async () => {
    const res = await callRoute(GET, '/api/admin/analytics?range=5', {
      token: tokens.super_admin,
    });
    expect(res.status).toBe(400);
  });

  it('backfill recomputes the asked days and is audited (analytics:write, not support)', async () => {
    const refused = await callRoute(ROLLUP, '/api/admin/analytics/rollup', {
      method: 'POST',
      token: tokens.support_admin,
      body: { days: 5 },
    });
    expect(refused.status).toBe(403);
    const res = await callRoute(ROLLUP, '/api/admin/analytics/rollup', {
      method: 'POST',
      token: tokens.super_admin,
      body: { days: 5 },
      headers: { 'user-agent': 'vitest' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ days: 5 });
    expect(await DailyStat.countDocuments({})).toBe(5);
    const audit = await AuditLog.findOne({ action: 'analytics.rollup' }).lean();
    expect(audit).toMatchObject({
      entityType: 'daily_stats',
      after: { days: 5 },
      userAgent: 'vitest',
    });
    const tooMany = await callRoute(ROLLUP, '/api/admin/analytics/rollup', {
      method: 'POST',
      token: tokens.super_admin,
      body: { days: 1000 },
    });
    expect(tooMany.status).toBe(400);
  });
});
