import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import {
  comparePromptQuery,
  comparePromptVersions,
  promptTypeParam,
  serializePromptComparison,
} from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// GET /api/admin/prompts/{type}/diff?from=&to= — word-level and side-by-side diff of two versions
export const GET = adminRoute<{ type: string }>('prompts:manage', async ({ req, params }) => {
  const { type } = promptTypeParam.parse(params);
  const { from, to } = comparePromptQuery.parse(queryObject(req));
  return serializePromptComparison(await comparePromptVersions(type, from, to));
});
