import { apiRoute } from '@/lib/api/route';
import { apiQueryObject } from '@/lib/api/shared-schemas';
import {
  assertWebhookEndpointInSpace,
  listDeliveriesQuery,
  listWebhookDeliveries,
  webhookIdParam,
} from '@/lib/webhooks';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/v1/webhooks/{id}/deliveries — the endpoint's delivery log, newest first, paginated
export const GET = apiRoute<{ id: string }>({ auth: 'user' }, async ({ req, params, caller }) => {
  const { id } = webhookIdParam.parse(params);
  await assertWebhookEndpointInSpace(ownerIdFor(caller, 'webhooks:manage'), id, caller);
  return listWebhookDeliveries(
    ownerIdFor(caller, 'webhooks:manage'),
    id,
    listDeliveriesQuery.parse(apiQueryObject(req)),
  );
});
