import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { changeRoleBody, changeUserRole, serializeAdminUser, userIdParam } from '@/lib/users';

// POST /api/admin/users/{id}/role — change a person's role (super admins only, audited)
export const POST = adminRoute<{ id: string }>(
  'roles:manage',
  async ({ req, params, actor, meta }) => {
    const { id } = userIdParam.parse(params);
    const { role, reason } = changeRoleBody.parse(await readJson(req));
    const result = await changeUserRole({
      actor,
      userId: id,
      role,
      reason,
      meta,
    });
    return { user: serializeAdminUser(result.user), changed: result.changed };
  },
);
