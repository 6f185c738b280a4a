import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { adminListOrganizations, adminOrganizationsQuery } from '@/lib/orgs';

// GET /api/admin/organizations — find organisations by name or slug (support and super admins)
export const GET = adminRoute('users:read', async ({ req }) => {
  const page = await adminListOrganizations(adminOrganizationsQuery.parse(queryObject(req)));
  return {
    data: page.organizations,
    page: page.page,
    limit: page.limit,
    total: page.total,
  };
});
