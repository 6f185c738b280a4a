import { apiRoute, readJson } from '@/lib/api/route';
import {
  apiKeyIdParam,
  revokeApiKey,
  setAllowedOrigins,
  updateApiKey,
  updateApiKeyBody,
} from '@/lib/apikeys';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// DELETE /api/v1/api-keys/{id} — revoke a key (idempotent)
export const DELETE = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ params, caller }) =>
    revokeApiKey(ownerIdFor(caller, 'keys:manage'), apiKeyIdParam.parse(params).id),
);

// PATCH /api/v1/api-keys/{id} — rename a key, set its daily credit cap (null removes it) or a publishable key's allowed_origins
export const PATCH = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ req, params, caller }) => {
    const body = updateApiKeyBody.parse(await readJson(req, 10_000));
    const { id } = apiKeyIdParam.parse(params);
    if (body.allowed_origins !== undefined) {
      const updated = await setAllowedOrigins(caller, id, body.allowed_origins);
      if (body.name === undefined && body.daily_credit_cap === undefined) return updated;
    }
    return updateApiKey(ownerIdFor(caller, 'keys:manage'), id, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.daily_credit_cap !== undefined ? { dailyCreditCap: body.daily_credit_cap } : {}),
    });
  },
);
