import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { idParamSchema } from '@/lib/api/list';
import { adminSuspendOrgBody, suspendOrganization } from '@/lib/orgs';

const orgIdParam = idParamSchema('an organisation id');

// POST /api/admin/organizations/{id}/suspend — suspend an organisation, with a reason (audited)
export const POST = adminRoute<{ id: string }>(
  'users:write',
  async ({ req, params, actor, meta }) => {
    const { id } = orgIdParam.parse(params);
    const { reason } = adminSuspendOrgBody.parse(await readJson(req));
    return suspendOrganization({ actor, orgId: id, reason, meta });
  },
);
