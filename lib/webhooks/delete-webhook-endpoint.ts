import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';

/**
 * Deletes an endpoint and its delivery log. A delivery run still sleeping
 * between attempts finds no endpoint when it wakes and stops.
 */
export async function deleteWebhookEndpoint(
  userId: string,
  endpointId: string,
): Promise<{ id: string; deleted: true }> {
  const doc = await getWebhookEndpointOrThrow(userId, endpointId);
  await WebhookEndpoint.deleteOne({ _id: doc._id });
  await WebhookDelivery.deleteMany({ endpointId: doc._id });
  return { id: endpointId, deleted: true };
}
