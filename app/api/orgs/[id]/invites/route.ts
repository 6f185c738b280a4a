import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { createInvite, createInviteBody, listInvites, orgIdParam } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/orgs/{id}/invites — pending invitation links (owners and admins)
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ params, caller }) => ({
    data: await listInvites(orgIdParam.parse(params).id, caller.userId),
  }),
);

// POST /api/orgs/{id}/invites — an invitation link (role, optional email; 7 days); the token is in this response only
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, params, caller, requestId }) => {
    const { id } = orgIdParam.parse(params);
    const body = createInviteBody.parse(await readJson(req, 10_000));
    const invite = await createInvite({
      actor: caller,
      orgId: id,
      role: body.role,
      ...(body.email ? { email: body.email } : {}),
      meta: requestMeta(req, requestId),
    });
    return Response.json(invite, { status: 201 });
  },
);
