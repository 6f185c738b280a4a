import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { serializeAdminUser, unsuspendUser, unsuspendUserBody, userIdParam } from '@/lib/users';

// POST /api/admin/users/{id}/unsuspend — lift a suspension (audited)
export const POST = adminRoute<{ id: string }>(
  'users:write',
  async ({ req, params, actor, meta }) => {
    const { id } = userIdParam.parse(params);
    const { reason } = unsuspendUserBody.parse(await readJson(req));
    const result = await unsuspendUser({
      actor,
      userId: id,
      reason,
      meta,
    });
    return { user: serializeAdminUser(result.user), changed: result.changed };
  },
);
