import { adminRoute } from '@/lib/admin';
import { listPromptTypes, serializePromptTypeSummary } from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// GET /api/admin/prompts — each prompt type with its active and latest version
export const GET = adminRoute('prompts:manage', async () => ({
  data: (await listPromptTypes()).map(serializePromptTypeSummary),
}));
