import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { TrailRoomError } from './errors';
import type { webhooks } from './schema';

/** The JSON body of each webhook event, by type (`{ type, timestamp, test, data }`). */
export type WebhookEvent = {
  [K in keyof webhooks]: NonNullable<
    webhooks[K]['post']['requestBody']
  >['content']['application/json'];
}[keyof webhooks];

export type WebhookEventType = WebhookEvent['type'];

/** The three Standard Webhooks headers, as a server's signer returns them. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Fetch `Headers`, Node's `req.headers`, or a plain record (names in any case). */
export type HeaderSource = Headers | WebhookHeaders | Record<string, string | string[] | undefined>;

function headerRecord(headers: HeaderSource): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.forEach((value, key) => (out[key.toLowerCase()] = value));
    return out;
  }
  for (const [key, value] of Object.entries(headers) as Array<[string, unknown]>) {
    if (value === undefined) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(' ') : String(value);
  }
  return out;
}

/**
 * Verifies a webhook's Standard Webhooks signature (webhook-id, webhook-timestamp,
 * webhook-signature; timestamps older or newer than 5 minutes are refused) and
 * returns the parsed event. Pass the raw body exactly as received. `secret` is the
 * endpoint's `whsec_…`; during a rotation pass both, old and new.
 * Throws TrailRoomError `invalid_signature` (status 400) when no secret matches.
 */
export function verifyWebhook(
  payload: string | Uint8Array,
  headers: HeaderSource,
  secret: string | readonly string[],
): WebhookEvent {
  const body = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
  const record = headerRecord(headers);
  const secrets = typeof secret === 'string' ? [secret] : secret;
  let last: unknown;
  for (const s of secrets) {
    try {
      return new Webhook(s).verify(body, record) as WebhookEvent;
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      last = err;
    }
  }
  throw new TrailRoomError({
    code: 'invalid_signature',
    status: 400,
    message: last instanceof Error ? last.message : 'No webhook secret given',
    cause: last,
  });
}
