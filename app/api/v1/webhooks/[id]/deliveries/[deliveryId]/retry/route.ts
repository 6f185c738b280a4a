import { apiRoute } from '@/lib/api/route';
import { redeliverWebhook, webhookDeliveryParams } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry — send a delivery again now (same webhook-id)
export const POST = apiRoute<{ id: string; deliveryId: string }>(
  { auth: 'user', rateLimit: 'webhookSend' },
  async ({ params, caller }) => {
    const { id, deliveryId } = webhookDeliveryParams.parse(params);
    return Response.json(await redeliverWebhook(caller.userId, id, deliveryId), { status: 202 });
  },
);
