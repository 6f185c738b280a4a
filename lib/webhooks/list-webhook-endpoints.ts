import { WebhookEndpoint } from '@/models/webhook-endpoint';
import type { EndpointRecord } from './get-webhook-endpoint-or-throw';
import type { WebhookEndpointView } from './schemas';
import { serializeEndpoint } from './serialize';

/** The caller's endpoints, newest first, without secrets. */
export async function listWebhookEndpoints(userId: string): Promise<WebhookEndpointView[]> {
  const docs = await WebhookEndpoint.find({ userId })
    .sort({ createdAt: -1 })
    .lean<EndpointRecord[]>();
  return docs.map(serializeEndpoint);
}
