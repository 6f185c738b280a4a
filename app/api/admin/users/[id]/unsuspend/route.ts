import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import { serializeAdminUser, unsuspendUser, unsuspendUserBody, userIdParam } from '@/lib/users';

// POST /api/admin/users/{id}/unsuspend — lift a suspension (audited)
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['users:write'], sessionOnly: true },
  async ({ req, params, caller, requestId }) => {
    const { id } = userIdParam.parse(params);
    const { reason } = unsuspendUserBody.parse(await readJson(req));
    const result = await unsuspendUser({
      actor: caller,
      userId: id,
      reason,
      meta: requestMeta(req, requestId),
    });
    return { user: serializeAdminUser(result.user), changed: result.changed };
  },
);
