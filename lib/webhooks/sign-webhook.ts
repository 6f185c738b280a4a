import { Webhook } from 'standardwebhooks';

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks headers for one attempt, signed by the reference library
 * (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`). With more than one secret
 * (during a rotation) every signature is sent, space-separated, as the
 * specification allows; a receiver accepts the message if any one matches.
 */
export function signWebhook(input: {
  secrets: readonly string[];
  messageId: string;
  timestamp: Date;
  body: string;
}): WebhookHeaders {
  const signatures = input.secrets.map((secret) =>
    new Webhook(secret).sign(input.messageId, input.timestamp, input.body),
  );
  return {
    'webhook-id': input.messageId,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
