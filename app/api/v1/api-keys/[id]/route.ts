import { apiRoute } from '@/lib/api/route';
import { apiKeyIdParam, revokeApiKey } from '@/lib/apikeys';

export const dynamic = 'force-dynamic';

// DELETE /api/v1/api-keys/{id} — revoke a key (idempotent)
export const DELETE = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ params, caller }) => revokeApiKey(caller.userId, apiKeyIdParam.parse(params).id),
);
