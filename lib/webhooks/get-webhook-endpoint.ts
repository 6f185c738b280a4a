import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import type { WebhookEndpointWithSecret } from './schemas';
import { serializeEndpointWithSecret } from './serialize';

/** One endpoint of the caller, with its signing secret (the owner needs it to verify). */
export async function getWebhookEndpoint(
  userId: string,
  endpointId: string,
): Promise<WebhookEndpointWithSecret> {
  return serializeEndpointWithSecret(await getWebhookEndpointOrThrow(userId, endpointId));
}
