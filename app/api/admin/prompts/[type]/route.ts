import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import {
  createPromptVersion,
  createPromptVersionBody,
  listPromptVersions,
  promptTypeParam,
  serializePromptType,
} from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// GET /api/admin/prompts/{type} — every version with its usage, and the activation history
export const GET = adminRoute<{ type: string }>('prompts:manage', async ({ params }) =>
  serializePromptType(await listPromptVersions(promptTypeParam.parse(params).type)),
);

// POST /api/admin/prompts/{type} — save a new version (optionally activating it); audited
export const POST = adminRoute<{ type: string }>(
  'prompts:manage',
  async ({ req, params, actor, meta }) => {
    const { type } = promptTypeParam.parse(params);
    const body = createPromptVersionBody.parse(await readJson(req, 100_000));
    const created = await createPromptVersion({
      type,
      body,
      actor,
      meta,
    });
    return {
      id: created.id,
      type: created.type,
      version: created.version,
      active: created.activation !== null,
    };
  },
);
