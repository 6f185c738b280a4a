import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import {
  createPromptVersion,
  createPromptVersionBody,
  listPromptVersions,
  promptTypeParam,
  serializePromptType,
} from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// GET /api/admin/prompts/{type} — every version with its usage, and the activation history
export const GET = apiRoute<{ type: string }>(
  { auth: 'user', roles: PERMISSIONS['prompts:manage'], sessionOnly: true },
  async ({ params }) =>
    serializePromptType(await listPromptVersions(promptTypeParam.parse(params).type)),
);

// POST /api/admin/prompts/{type} — save a new version (optionally activating it); audited
export const POST = apiRoute<{ type: string }>(
  { auth: 'user', roles: PERMISSIONS['prompts:manage'], sessionOnly: true },
  async ({ req, params, caller, requestId }) => {
    const { type } = promptTypeParam.parse(params);
    const body = createPromptVersionBody.parse(await readJson(req, 100_000));
    const created = await createPromptVersion({
      type,
      body,
      actor: { userId: caller.userId, email: caller.email, role: caller.role },
      meta: requestMeta(req, requestId),
    });
    return {
      id: created.id,
      type: created.type,
      version: created.version,
      active: created.activation !== null,
    };
  },
);
