import { WebhookDelivery, type WebhookDeliveryDoc } from '@/models/webhook-delivery';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import type { ListDeliveriesQuery, WebhookDeliveryPage } from './schemas';
import { serializeDelivery } from './serialize';

/** One endpoint's delivery log, newest first, a page at a time. */
export async function listWebhookDeliveries(
  userId: string,
  endpointId: string,
  query: ListDeliveriesQuery,
): Promise<WebhookDeliveryPage> {
  const endpoint = await getWebhookEndpointOrThrow(userId, endpointId);
  const filter = { endpointId: endpoint._id, ...(query.status ? { status: query.status } : {}) };
  const [docs, total] = await Promise.all([
    WebhookDelivery.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean() as Promise<Array<WebhookDeliveryDoc & { createdAt: Date }>>,
    WebhookDelivery.countDocuments(filter),
  ]);
  return {
    data: docs.map(serializeDelivery),
    page: query.page,
    limit: query.limit,
    total,
    has_more: query.page * query.limit < total,
  };
}
