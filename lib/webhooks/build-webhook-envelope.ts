import type { WebhookEnvelope, WebhookEventType } from './schemas';

/** The JSON body receivers get (and that is signed): `{ type, timestamp, test, livemode, data }`. */
export function buildWebhookEnvelope(input: {
  type: WebhookEventType;
  occurredAt: string | Date;
  data: Record<string, unknown>;
  test?: boolean;
  /** False for a test key's event; default live. */
  livemode?: boolean;
}): WebhookEnvelope {
  return {
    type: input.type,
    timestamp: new Date(input.occurredAt).toISOString(),
    test: Boolean(input.test),
    livemode: input.livemode !== false,
    data: input.data,
  };
}
