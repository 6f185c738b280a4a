import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { getOrganization, orgIdParam, updateOrgBody, updateOrgSettings } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/orgs/{id} — one of the caller's organisations: settings, balance, their role (404 for non-members)
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ params, caller }) => ({
    organization: await getOrganization(orgIdParam.parse(params).id, caller.userId),
  }),
);

// PATCH /api/orgs/{id} — rename or change widget settings (owners and admins; audited)
export const PATCH = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, params, caller, requestId }) => {
    const { id } = orgIdParam.parse(params);
    const changes = updateOrgBody.parse(await readJson(req, 10_000));
    return {
      organization: await updateOrgSettings({
        actor: caller,
        orgId: id,
        changes,
        meta: requestMeta(req, requestId),
      }),
    };
  },
);
