import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { idParamSchema } from '@/lib/api/list';
import { unsuspendOrganization } from '@/lib/orgs';
import { unsuspendUserBody } from '@/lib/users';

const orgIdParam = idParamSchema('an organisation id');

// POST /api/admin/organizations/{id}/unsuspend — lift an organisation's suspension (audited)
export const POST = adminRoute<{ id: string }>(
  'users:write',
  async ({ req, params, actor, meta }) => {
    const { id } = orgIdParam.parse(params);
    const body = unsuspendUserBody.parse(await readJson(req));
    return unsuspendOrganization({
      actor,
      orgId: id,
      ...(body.reason ? { reason: body.reason } : {}),
      meta,
    });
  },
);
