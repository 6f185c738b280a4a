import { apiRoute } from '@/lib/api/route';
import { listMembers, orgIdParam } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/orgs/{id}/members — the organisation's members and roles (any member)
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ params, caller }) => ({
    data: await listMembers(orgIdParam.parse(params).id, caller.userId),
  }),
);
