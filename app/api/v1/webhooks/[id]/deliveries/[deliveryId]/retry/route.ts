import { apiRoute } from '@/lib/api/route';
import {
  assertWebhookEndpointInSpace,
  redeliverWebhook,
  webhookDeliveryParams,
} from '@/lib/webhooks';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry — send a delivery again now (same webhook-id)
export const POST = apiRoute<{ id: string; deliveryId: string }>(
  { auth: 'user', rateLimit: 'webhookSend' },
  async ({ params, caller }) => {
    const { id, deliveryId } = webhookDeliveryParams.parse(params);
    await assertWebhookEndpointInSpace(ownerIdFor(caller, 'webhooks:manage'), id, caller);
    return Response.json(
      await redeliverWebhook(ownerIdFor(caller, 'webhooks:manage'), id, deliveryId),
      { status: 202 },
    );
  },
);
