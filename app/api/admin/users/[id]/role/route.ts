import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import { changeRoleBody, changeUserRole, serializeAdminUser, userIdParam } from '@/lib/users';

// POST /api/admin/users/{id}/role — change a person's role (super admins only, audited)
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['roles:manage'], sessionOnly: true },
  async ({ req, params, caller, requestId }) => {
    const { id } = userIdParam.parse(params);
    const { role, reason } = changeRoleBody.parse(await readJson(req));
    const result = await changeUserRole({
      actor: caller,
      userId: id,
      role,
      reason,
      meta: requestMeta(req, requestId),
    });
    return { user: serializeAdminUser(result.user), changed: result.changed };
  },
);
