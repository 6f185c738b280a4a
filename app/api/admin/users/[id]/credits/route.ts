import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import {
  adminAdjustBody,
  adminAdjustCredits,
  getBalance,
  serializeBalance,
  serializeTransaction,
} from '@/lib/credits';
import { userIdParam } from '@/lib/users';

export const dynamic = 'force-dynamic';

// GET /api/admin/users/{id}/credits — a person's balance (support)
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['users:read'], sessionOnly: true },
  async ({ params }) => serializeBalance(await getBalance(userIdParam.parse(params).id)),
);

// POST /api/admin/users/{id}/credits — adjust paid credits with a reason (audited, idempotent)
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['credits:adjust'], sessionOnly: true },
  async ({ req, params, caller, requestId }) => {
    const { id } = userIdParam.parse(params);
    const body = adminAdjustBody.parse(await readJson(req));
    const result = await adminAdjustCredits({
      actor: caller,
      userId: id,
      body,
      meta: requestMeta(req, requestId),
    });
    return { transaction: serializeTransaction(result.entry), replayed: result.replayed };
  },
);
