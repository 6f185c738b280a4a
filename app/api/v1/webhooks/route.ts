import { apiRoute, readJson } from '@/lib/api/route';
import { createWebhookBody, createWebhookEndpoint, listWebhookEndpoints } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

// GET /api/v1/webhooks — your webhook endpoints, newest first (without secrets)
export const GET = apiRoute({ auth: 'user' }, async ({ caller }) => ({
  data: await listWebhookEndpoints(caller.userId),
}));

// POST /api/v1/webhooks — register an endpoint; the response carries its whsec_ secret
export const POST = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  const body = createWebhookBody.parse(await readJson(req, 20_000));
  return Response.json(await createWebhookEndpoint(caller.userId, body), { status: 201 });
});
