import { apiRoute } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { orgInviteParams, revokeInvite } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// DELETE /api/orgs/{id}/invites/{inviteId} — revoke an invitation link (idempotent)
export const DELETE = apiRoute<{ id: string; inviteId: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, params, caller, requestId }) => {
    const { id, inviteId } = orgInviteParams.parse(params);
    return revokeInvite({ actor: caller, orgId: id, inviteId, meta: requestMeta(req, requestId) });
  },
);
