import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import {
  previewPromptQuery,
  previewPromptVersion,
  promptTypeParam,
  serializePromptPreview,
} from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// GET /api/admin/prompts/{type}/preview?version= — what a job would send with that version
export const GET = adminRoute<{ type: string }>('prompts:manage', async ({ req, params }) => {
  const { type } = promptTypeParam.parse(params);
  const { version } = previewPromptQuery.parse(queryObject(req));
  return { data: (await previewPromptVersion(type, version)).map(serializePromptPreview) };
});
