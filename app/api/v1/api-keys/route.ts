import { apiRoute, readJson } from '@/lib/api/route';
import { createApiKey, createApiKeyBody, listApiKeys } from '@/lib/apikeys';

export const dynamic = 'force-dynamic';

// GET /api/v1/api-keys — your API keys (prefix, name, usage), never the keys themselves
export const GET = apiRoute({ auth: 'user', sessionOnly: true }, async ({ caller }) => ({
  data: await listApiKeys(caller.userId),
}));

// POST /api/v1/api-keys — create a key; the full key is in this response only
export const POST = apiRoute({ auth: 'user', sessionOnly: true }, async ({ req, caller }) => {
  const { name } = createApiKeyBody.parse(await readJson(req));
  return Response.json(await createApiKey(caller.userId, name), { status: 201 });
});
