import { readJson } from '@/lib/api/route';
import { adjustUserCredits, adminRoute, creditAdjustmentBody } from '@/lib/admin';
import { getBalance, serializeBalance, serializeTransaction } from '@/lib/credits';
import { userIdParam } from '@/lib/users';

export const dynamic = 'force-dynamic';

// GET /api/admin/users/{id}/credits — a person's balance (support)
export const GET = adminRoute<{ id: string }>('users:read', async ({ params }) =>
  serializeBalance(await getBalance(userIdParam.parse(params).id)),
);

// POST /api/admin/users/{id}/credits — adjust paid credits with a reason (audited, idempotent)
export const POST = adminRoute<{ id: string }>(
  'credits:adjust',
  async ({ req, params, actor, meta }) => {
    const { id } = userIdParam.parse(params);
    const body = creditAdjustmentBody.parse(await readJson(req));
    const result = await adjustUserCredits({
      actor,
      userId: id,
      credits: body.credits,
      reason: body.reason,
      operationId: body.idempotency_key,
      meta,
    });
    return { transaction: serializeTransaction(result.entry), replayed: result.replayed };
  },
);
