import { apiRoute } from '@/lib/api/route';
import { apiKeyIdParam, regenerateApiKey } from '@/lib/apikeys';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// POST /api/v1/api-keys/{id}/regenerate — revoke a key and issue a new one with the same name
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ params, caller }) =>
    Response.json(
      await regenerateApiKey(ownerIdFor(caller, 'keys:manage'), apiKeyIdParam.parse(params).id),
      {
        status: 201,
      },
    ),
);
