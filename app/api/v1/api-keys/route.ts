import { apiRoute, readJson } from '@/lib/api/route';
import { createApiKey, createApiKeyBody, createPublishableKey, listApiKeys } from '@/lib/apikeys';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/v1/api-keys — your API keys (prefix, name, usage), never the keys themselves
export const GET = apiRoute({ auth: 'user', sessionOnly: true }, async ({ caller }) => ({
  data: await listApiKeys(ownerIdFor(caller, 'keys:manage')),
}));

// POST /api/v1/api-keys — create a secret (tr_live_), test (tr_test_) or, for an organisation, publishable (pk_live_, with allowed_origins) key; the full key is in this response only
export const POST = apiRoute({ auth: 'user', sessionOnly: true }, async ({ req, caller }) => {
  const body = createApiKeyBody.parse(await readJson(req));
  if (body.kind === 'publishable')
    return Response.json(await createPublishableKey(caller, body.name, body.allowed_origins), {
      status: 201,
    });
  const created = await createApiKey(ownerIdFor(caller, 'keys:manage'), body.name, {
    kind: body.kind,
    dailyCreditCap: body.daily_credit_cap ?? null,
    createdBy: caller.userId,
    ...(body.allow_browser ? { allowBrowser: true } : {}),
  });
  return Response.json(created, { status: 201 });
});
