import { Types } from 'mongoose';
import { AppError, notFound } from '@/lib/errors';
import { WebhookDelivery, type WebhookDeliveryDoc } from '@/models/webhook-delivery';
import { dispatchDelivery } from './dispatch-delivery';
import { redeliveryRequestedEvent } from './events';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import type { WebhookDeliveryView } from './schemas';
import { serializeDelivery } from './serialize';

/**
 * Sends a delivery again now, with the same webhook-id (receivers
 * de-duplicate on it) and a fresh timestamp and signature; the attempt is
 * appended to its log. A delivery still inside its schedule keeps it unless
 * this attempt succeeds.
 */
export async function redeliverWebhook(
  userId: string,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryView> {
  const endpoint = await getWebhookEndpointOrThrow(userId, endpointId);
  if (!Types.ObjectId.isValid(deliveryId)) throw notFound('Delivery');
  const delivery = await WebhookDelivery.findById(deliveryId).lean<
    WebhookDeliveryDoc & { createdAt: Date }
  >();
  if (!delivery || delivery.endpointId.toString() !== endpoint._id.toString())
    throw notFound('Delivery');
  if (endpoint.enabled === false) {
    throw new AppError(
      'webhook_endpoint_disabled',
      'This endpoint is disabled; enable it before redelivering',
    );
  }
  await dispatchDelivery(
    redeliveryRequestedEvent({ deliveryId, endpointId, userId }, (delivery.attempts ?? []).length),
  );
  return serializeDelivery(delivery);
}
