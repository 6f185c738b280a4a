import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { activatePromptBody, activatePromptVersion, promptTypeParam } from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// POST /api/admin/prompts/{type}/activate — make a version active (also rolls back); audited
export const POST = adminRoute<{ type: string }>(
  'prompts:manage',
  async ({ req, params, actor, meta }) => {
    const { type } = promptTypeParam.parse(params);
    const body = activatePromptBody.parse(await readJson(req));
    const result = await activatePromptVersion({
      type,
      version: body.version,
      actor,
      ...(body.reason ? { reason: body.reason } : {}),
      meta,
    });
    return {
      type: result.type,
      active_version: result.version,
      previous_version: result.previousVersion,
      changed: result.changed,
    };
  },
);
