import { randomBytes } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { WebhookDelivery, type WebhookDeliveryDoc } from '@/models/webhook-delivery';
import { abandonWebhookDelivery } from './abandon-webhook-delivery';
import { buildWebhookEnvelope } from './build-webhook-envelope';
import { dispatchDelivery } from './dispatch-delivery';
import { deliveryRequestedEvent } from './events';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import { SAMPLE_EVENT_DATA } from './sample-payloads';
import type { WebhookDeliveryView, WebhookEventType } from './schemas';
import { serializeDelivery } from './serialize';

/**
 * "Send test event": a sample of one event type (`test: true` in the body),
 * signed and delivered to this endpoint only, through the same delivery run
 * and retry schedule as real events. Test deliveries never count toward
 * disabling the endpoint.
 */
export async function sendTestWebhook(
  userId: string,
  endpointId: string,
  eventType?: WebhookEventType,
): Promise<WebhookDeliveryView> {
  const endpoint = await getWebhookEndpointOrThrow(userId, endpointId);
  if (endpoint.enabled === false) {
    throw new AppError(
      'webhook_endpoint_disabled',
      'This endpoint is disabled; enable it before sending a test event',
    );
  }
  const type =
    eventType ?? (endpoint.events?.[0] as WebhookEventType | undefined) ?? 'tryon.completed';
  const doc = await WebhookDelivery.create({
    endpointId: endpoint._id,
    userId,
    messageId: `msg_${randomBytes(16).toString('hex')}`,
    eventType: type,
    payload: buildWebhookEnvelope({
      type,
      occurredAt: new Date(),
      data: SAMPLE_EVENT_DATA[type],
      test: true,
      livemode: endpoint.livemode !== false,
    }),
    status: 'pending',
    nextAttemptAt: new Date(),
    test: true,
    ...(endpoint.livemode === false ? { livemode: false } : {}),
  });
  const deliveryId = doc._id.toString();
  try {
    await dispatchDelivery(deliveryRequestedEvent({ deliveryId, endpointId, userId }));
  } catch (err) {
    // Nothing will ever attempt it: do not leave it "pending" in the log.
    await abandonWebhookDelivery(deliveryId, 'the job queue could not be reached');
    throw err;
  }
  return serializeDelivery(doc.toObject() as WebhookDeliveryDoc & { createdAt: Date });
}
