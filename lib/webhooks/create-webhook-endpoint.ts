import type { DataSpace } from '@/lib/apikeys/data-space';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
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
 * Registers an endpoint with a fresh `whsec_` secret. The per-user cap is a
 * unique insert: each endpoint takes a free slot `<userId>:<n>` (n ≤ the cap,
 * fewer when endpoints from before slots hold capacity without one), so of
 * creates racing for the last slot exactly one wins and the rest are told the
 * limit is reached — FerretDB's count-then-insert would let both through.
 */
export async function createWebhookEndpoint(
  userId: string,
  input: CreateWebhookInput,
  /** Created with a test key: a test endpoint (test events only). Default live. */
  space: DataSpace = {},
): Promise<WebhookEndpointWithSecret> {
  const limit = () =>
    new AppError(
      'webhook_endpoint_limit',
      `You already have ${MAX_ENDPOINTS_PER_USER} webhook endpoints; delete one first`,
      { details: { max: MAX_ENDPOINTS_PER_USER } },
    );
  const freeSlots = async (): Promise<string[]> => {
    const existing = await WebhookEndpoint.find({ userId }).select({ slotKey: 1 }).lean();
    const unslotted = existing.filter((e) => !e.slotKey).length;
    const used = new Set(existing.map((e) => e.slotKey));
    return Array.from(
      { length: MAX_ENDPOINTS_PER_USER - unslotted },
      (_, i) => `${userId}:${i + 1}`,
    ).filter((key) => !used.has(key));
  };
  let slots = await freeSlots();
  if (slots.length === 0) throw limit();
  const url = await validateWebhookUrl(input.url);
  const secret = generateWebhookSecret();
  // Each lost race re-reads the free slots; a bounded number of rounds.
  for (let round = 0; round <= MAX_ENDPOINTS_PER_USER; round += 1) {
    const [slotKey] = slots;
    if (!slotKey) throw limit();
    try {
      const doc = await WebhookEndpoint.create({
        userId,
        url,
        description: input.description || undefined,
        events: input.events ?? [...WEBHOOK_EVENT_TYPES],
        secret,
        enabled: true,
        enabledAt: new Date(),
        consecutiveFailures: 0,
        slotKey,
        ...(space.livemode === false ? { livemode: false } : {}),
      });
      return serializeEndpointWithSecret(doc.toObject() as EndpointRecord);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      slots = await freeSlots();
    }
  }
  throw new AppError('conflict', 'Too many endpoints are being created at once; try again', {
    retryAfter: 1,
  });
}
