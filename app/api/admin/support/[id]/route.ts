import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import {
  markSupportMessageHandled,
  serializeSupportMessage,
  supportMessageIdParam,
  updateSupportMessageBody,
} from '@/lib/support';

// PATCH /api/admin/support/{id} — mark a support message handled, or open again (audited)
export const PATCH = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['users:write'], sessionOnly: true },
  async ({ req, params, caller, requestId }) => {
    const { id } = supportMessageIdParam.parse(params);
    const { status } = updateSupportMessageBody.parse(await readJson(req));
    const message = await markSupportMessageHandled({
      id,
      handled: status === 'handled',
      actor: { userId: caller.userId, email: caller.email, role: caller.role },
      meta: requestMeta(req, requestId),
    });
    return serializeSupportMessage(message);
  },
);
