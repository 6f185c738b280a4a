import { apiRoute, queryObject } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import {
  previewPromptQuery,
  previewPromptVersion,
  promptTypeParam,
  serializePromptPreview,
} from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// GET /api/admin/prompts/{type}/preview?version= — what a job would send with that version
export const GET = apiRoute<{ type: string }>(
  { auth: 'user', roles: PERMISSIONS['prompts:manage'], sessionOnly: true },
  async ({ req, params }) => {
    const { type } = promptTypeParam.parse(params);
    const { version } = previewPromptQuery.parse(queryObject(req));
    return { data: (await previewPromptVersion(type, version)).map(serializePromptPreview) };
  },
);
