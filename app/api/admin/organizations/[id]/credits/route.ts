import { readJson } from '@/lib/api/route';
import { adminRoute, creditAdjustmentBody } from '@/lib/admin';
import { idParamSchema } from '@/lib/api/list';
import { serializeTransaction } from '@/lib/credits';
import { adjustOrgCredits } from '@/lib/orgs';

const orgIdParam = idParamSchema('an organisation id');

// POST /api/admin/organizations/{id}/credits — adjust an organisation's paid credits with a reason (audited, idempotent)
export const POST = adminRoute<{ id: string }>(
  'credits:adjust',
  async ({ req, params, actor, meta }) => {
    const { id } = orgIdParam.parse(params);
    const body = creditAdjustmentBody.parse(await readJson(req));
    const result = await adjustOrgCredits({
      actor,
      orgId: id,
      credits: body.credits,
      reason: body.reason,
      operationId: body.idempotency_key,
      meta,
    });
    return { transaction: serializeTransaction(result.entry), replayed: result.replayed };
  },
);
