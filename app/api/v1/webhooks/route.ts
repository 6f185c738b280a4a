import { apiRoute, readJson } from '@/lib/api/route';
import { createWebhookBody, createWebhookEndpoint, listWebhookEndpoints } from '@/lib/webhooks';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/v1/webhooks — your webhook endpoints, newest first (without secrets)
export const GET = apiRoute({ auth: 'user' }, async ({ caller }) => ({
  data: await listWebhookEndpoints(ownerIdFor(caller, 'webhooks:manage'), caller),
}));

// POST /api/v1/webhooks — register an endpoint; the response carries its whsec_ secret
export const POST = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  const body = createWebhookBody.parse(await readJson(req, 20_000));
  // An endpoint made with a test key is a test endpoint: it gets test-key events only.
  const created = await createWebhookEndpoint(ownerIdFor(caller, 'webhooks:manage'), body, caller);
  return Response.json(created, { status: 201 });
});
