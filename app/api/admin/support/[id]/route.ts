import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import {
  markSupportMessageHandled,
  serializeSupportMessage,
  supportMessageIdParam,
  updateSupportMessageBody,
} from '@/lib/support';

// PATCH /api/admin/support/{id} — mark a support message handled, or open again (audited)
export const PATCH = adminRoute<{ id: string }>(
  'users:write',
  async ({ req, params, actor, meta }) => {
    const { id } = supportMessageIdParam.parse(params);
    const { status } = updateSupportMessageBody.parse(await readJson(req));
    const message = await markSupportMessageHandled({
      id,
      handled: status === 'handled',
      actor: { userId: actor.userId, email: actor.email, role: actor.role },
      meta,
    });
    return serializeSupportMessage(message);
  },
);
