import { apiRoute, readJson } from '@/lib/api/route';
import { apiKeyIdParam, revokeApiKey, updateApiKey, updateApiKeyBody } from '@/lib/apikeys';

export const dynamic = 'force-dynamic';

// DELETE /api/v1/api-keys/{id} — revoke a key (idempotent)
export const DELETE = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ params, caller }) => revokeApiKey(caller.userId, apiKeyIdParam.parse(params).id),
);

// PATCH /api/v1/api-keys/{id} — rename a key or set its daily credit cap (null removes it)
export const PATCH = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ req, params, caller }) => {
    const body = updateApiKeyBody.parse(await readJson(req, 10_000));
    return updateApiKey(caller.ownerId, apiKeyIdParam.parse(params).id, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.daily_credit_cap !== undefined ? { dailyCreditCap: body.daily_credit_cap } : {}),
    });
  },
);
