import { apiRoute, queryObject } from '@/lib/api/route';
import { analyticsQuery, getAnalytics, serializeAnalytics } from '@/lib/analytics';
import { can, PERMISSIONS } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

// GET /api/admin/analytics?range=7|30|90 — daily series and KPI tiles (revenue only with revenue:read)
export const GET = apiRoute(
  { auth: 'user', roles: PERMISSIONS['analytics:read'], sessionOnly: true },
  async ({ req, caller }) => {
    const { range } = analyticsQuery.parse(queryObject(req));
    return serializeAnalytics(
      await getAnalytics({ range, revenue: can(caller.role, 'revenue:read') }),
    );
  },
);
