import { connectDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { MAX_ENDPOINTS_PER_USER } from './config';
import { generateWebhookSecret } from './generate-webhook-secret';
import {
  WEBHOOK_EVENT_TYPES,
  type CreateWebhookInput,
  type WebhookEndpointWithSecret,
} from './schemas';
import { serializeEndpointWithSecret } from './serialize';
import { validateWebhookUrl } from './validate-webhook-url';
import type { EndpointRecord } from './get-webhook-endpoint-or-throw';

/**
 * Registers an endpoint with a fresh `whsec_` secret. The cap is a count
 * before the insert: two creates racing at the cap can both pass — one
 * endpoint over a soft limit is harmless, unlike money.
 */
export async function createWebhookEndpoint(
  userId: string,
  input: CreateWebhookInput,
): Promise<WebhookEndpointWithSecret> {
  await connectDb();
  const count = await WebhookEndpoint.countDocuments({ userId });
  if (count >= MAX_ENDPOINTS_PER_USER) {
    throw new AppError(
      'webhook_endpoint_limit',
      `You already have ${MAX_ENDPOINTS_PER_USER} webhook endpoints; delete one first`,
      { details: { max: MAX_ENDPOINTS_PER_USER } },
    );
  }
  const url = await validateWebhookUrl(input.url);
  const doc = await WebhookEndpoint.create({
    userId,
    url,
    description: input.description || undefined,
    events: input.events ?? [...WEBHOOK_EVENT_TYPES],
    secret: generateWebhookSecret(),
    enabled: true,
    enabledAt: new Date(),
    consecutiveFailures: 0,
  });
  return serializeEndpointWithSecret(doc.toObject() as EndpointRecord);
}
