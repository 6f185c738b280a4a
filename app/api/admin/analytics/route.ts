import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { analyticsQuery, getAnalytics, serializeAnalytics } from '@/lib/analytics';
import { can } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

// GET /api/admin/analytics?range=7|30|90 — daily series and KPI tiles (revenue only with revenue:read)
export const GET = adminRoute('analytics:read', async ({ req, actor }) => {
  const { range } = analyticsQuery.parse(queryObject(req));
  return serializeAnalytics(
    await getAnalytics({ range, revenue: can(actor.role, 'revenue:read') }),
  );
});
