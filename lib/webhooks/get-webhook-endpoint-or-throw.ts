import { Types } from 'mongoose';
import { notFound } from '@/lib/errors';
import { WebhookEndpoint, type WebhookEndpointDoc } from '@/models/webhook-endpoint';

export type EndpointRecord = WebhookEndpointDoc & { createdAt: Date; updatedAt: Date };

/** The caller's endpoint; another person's id is indistinguishable from a missing one (404). */
export async function getWebhookEndpointOrThrow(
  userId: string,
  endpointId: string,
): Promise<EndpointRecord> {
  if (!Types.ObjectId.isValid(endpointId)) throw notFound('Webhook endpoint');
  const doc = await WebhookEndpoint.findById(endpointId).lean<EndpointRecord>();
  if (!doc || doc.userId.toString() !== userId) throw notFound('Webhook endpoint');
  return doc;
}
