import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { SECRET_ROTATION_GRACE_MS } from './config';
import { generateWebhookSecret } from './generate-webhook-secret';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import type { WebhookEndpointWithSecret } from './schemas';
import { serializeEndpointWithSecret } from './serialize';

/**
 * Issues a new secret. For SECRET_ROTATION_GRACE_MS the old one signs too
 * (Standard Webhooks sends both signatures, space-separated), so receivers
 * can switch without dropping a message.
 */
export async function rotateWebhookSecret(
  userId: string,
  endpointId: string,
  now: Date = new Date(),
): Promise<WebhookEndpointWithSecret> {
  const current = await getWebhookEndpointOrThrow(userId, endpointId);
  await WebhookEndpoint.updateOne(
    { _id: current._id },
    {
      $set: {
        secret: generateWebhookSecret(),
        previousSecret: current.secret,
        previousSecretExpiresAt: new Date(now.getTime() + SECRET_ROTATION_GRACE_MS),
      },
    },
  );
  return serializeEndpointWithSecret(await getWebhookEndpointOrThrow(userId, endpointId));
}
