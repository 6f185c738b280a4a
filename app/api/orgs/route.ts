import { apiRoute, readJson } from '@/lib/api/route';
import { createOrgBody, createOrganization, listMyOrganizations } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/orgs — the organisations the signed-in person belongs to, with their role
export const GET = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ caller }) => ({
    data: await listMyOrganizations(caller.userId),
  }),
);

// POST /api/orgs — create an organisation (the creator becomes its owner); 409 slug_taken
export const POST = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, caller }) => {
    const body = createOrgBody.parse(await readJson(req, 10_000));
    const organization = await createOrganization({
      userId: caller.userId,
      name: body.name,
      ...(body.slug ? { slug: body.slug } : {}),
    });
    return Response.json({ organization }, { status: 201 });
  },
);
