import { dataSpaceFilter, type DataSpace } from '@/lib/apikeys/data-space';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import type { EndpointRecord } from './get-webhook-endpoint-or-throw';
import type { WebhookEndpointView } from './schemas';
import { serializeEndpoint } from './serialize';

/** The caller's endpoints, newest first, without secrets (with `space`: that data space's only). */
export async function listWebhookEndpoints(
  userId: string,
  space?: DataSpace,
): Promise<WebhookEndpointView[]> {
  const docs = await WebhookEndpoint.find({ userId, ...(space ? dataSpaceFilter(space) : {}) })
    .sort({ createdAt: -1 })
    .lean<EndpointRecord[]>();
  return docs.map(serializeEndpoint);
}
