import { adminRoute } from '@/lib/admin';
import { idParamSchema } from '@/lib/api/list';
import { adminGetOrganization } from '@/lib/orgs';

const orgIdParam = idParamSchema('an organisation id');

// GET /api/admin/organizations/{id} — one organisation: members, balance, settings
export const GET = adminRoute<{ id: string }>('users:read', async ({ params }) =>
  adminGetOrganization(orgIdParam.parse(params).id),
);
