import { apiRoute, queryObject } from '@/lib/api/route';
import { getOrgDashboard, orgDashboardCsv, orgDashboardExportQuery } from '@/lib/analytics';
import { AppError } from '@/lib/errors';
import { assertAccountCan } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/orgs/{id}/dashboard/export — the merchant dashboard as CSV (per day, per product, or refusals)
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ req, params, caller }) => {
    // Only the organisation the person acts for now (membership re-checked for this request);
    // any other id is answered as unknown.
    if (caller.account.type !== 'organization' || caller.account.orgId !== params.id)
      throw new AppError('not_found', 'Organisation not found');
    assertAccountCan(caller, 'dashboard:read');
    const { range, table } = orgDashboardExportQuery.parse(queryObject(req));
    const csv = orgDashboardCsv(await getOrgDashboard(params.id, range), table);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${caller.account.slug}-${table}-${range}d-${day}.csv"`,
      },
    });
  },
);
