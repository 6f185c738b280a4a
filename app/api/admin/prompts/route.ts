import { apiRoute } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import { listPromptTypes, serializePromptTypeSummary } from '@/lib/prompts';

export const dynamic = 'force-dynamic';

// GET /api/admin/prompts — each prompt type with its active and latest version
export const GET = apiRoute(
  { auth: 'user', roles: PERMISSIONS['prompts:manage'], sessionOnly: true },
  async () => ({ data: (await listPromptTypes()).map(serializePromptTypeSummary) }),
);
