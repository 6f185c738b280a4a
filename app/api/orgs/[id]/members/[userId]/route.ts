import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { changeMemberRole, changeMemberRoleBody, orgMemberParams, removeMember } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// PATCH /api/orgs/{id}/members/{userId} — change a member's role (owners; the last owner stays owner)
export const PATCH = apiRoute<{ id: string; userId: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, params, caller, requestId }) => {
    const { id, userId } = orgMemberParams.parse(params);
    const { role } = changeMemberRoleBody.parse(await readJson(req, 10_000));
    return {
      member: await changeMemberRole({
        actor: caller,
        orgId: id,
        userId,
        role,
        meta: requestMeta(req, requestId),
      }),
    };
  },
);

// DELETE /api/orgs/{id}/members/{userId} — remove a member (owners and admins), or leave (your own id); effective on their next request
export const DELETE = apiRoute<{ id: string; userId: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, params, caller, requestId }) => {
    const { id, userId } = orgMemberParams.parse(params);
    return removeMember({ actor: caller, orgId: id, userId, meta: requestMeta(req, requestId) });
  },
);
