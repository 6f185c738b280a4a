import { Types } from 'mongoose';
import { inDataSpace, type DataSpace } from '@/lib/apikeys/data-space';
import { notFound } from '@/lib/errors';
import { WebhookEndpoint, type WebhookEndpointDoc } from '@/models/webhook-endpoint';

export type EndpointRecord = WebhookEndpointDoc & { createdAt: Date; updatedAt: Date };

/**
 * The caller's endpoint; another person's id is indistinguishable from a
 * missing one (404). With `space`, an endpoint of the other data space (test
 * vs live) is missing too.
 */
export async function getWebhookEndpointOrThrow(
  userId: string,
  endpointId: string,
  space?: DataSpace,
): Promise<EndpointRecord> {
  if (!Types.ObjectId.isValid(endpointId)) throw notFound('Webhook endpoint');
  const doc = await WebhookEndpoint.findById(endpointId).lean<EndpointRecord>();
  if (!doc || doc.userId.toString() !== userId || (space && !inDataSpace(doc, space)))
    throw notFound('Webhook endpoint');
  return doc;
}

/** For the /webhooks/{id} routes: 404 unless the endpoint is the caller's and in its data space. */
export async function assertWebhookEndpointInSpace(
  userId: string,
  endpointId: string,
  space: DataSpace,
): Promise<void> {
  await getWebhookEndpointOrThrow(userId, endpointId, space);
}
