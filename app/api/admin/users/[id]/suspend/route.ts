import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { serializeAdminUser, suspendUser, suspendUserBody, userIdParam } from '@/lib/users';

// POST /api/admin/users/{id}/suspend — suspend a person, with a reason (audited)
export const POST = adminRoute<{ id: string }>(
  'users:write',
  async ({ req, params, actor, meta }) => {
    const { id } = userIdParam.parse(params);
    const { reason } = suspendUserBody.parse(await readJson(req));
    const result = await suspendUser({
      actor,
      userId: id,
      reason,
      meta,
    });
    return { user: serializeAdminUser(result.user), changed: result.changed };
  },
);
