import type { WebhookEnvelope, WebhookEventType } from './schemas';

/** The JSON body receivers get (and that is signed): `{ type, timestamp, test, data }`. */
export function buildWebhookEnvelope(input: {
  type: WebhookEventType;
  occurredAt: string | Date;
  data: Record<string, unknown>;
  test?: boolean;
}): WebhookEnvelope {
  return {
    type: input.type,
    timestamp: new Date(input.occurredAt).toISOString(),
    test: Boolean(input.test),
    data: input.data,
  };
}
