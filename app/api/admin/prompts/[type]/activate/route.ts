import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import { activatePromptBody, activatePromptVersion, promptTypeParam } from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// POST /api/admin/prompts/{type}/activate — make a version active (also rolls back); audited
export const POST = apiRoute<{ type: string }>(
  { auth: 'user', roles: PERMISSIONS['prompts:manage'], sessionOnly: true },
  async ({ req, params, caller, requestId }) => {
    const { type } = promptTypeParam.parse(params);
    const body = activatePromptBody.parse(await readJson(req));
    const result = await activatePromptVersion({
      type,
      version: body.version,
      actor: { userId: caller.userId, email: caller.email, role: caller.role },
      ...(body.reason ? { reason: body.reason } : {}),
      meta: requestMeta(req, requestId),
    });
    return {
      type: result.type,
      active_version: result.version,
      previous_version: result.previousVersion,
      changed: result.changed,
    };
  },
);
