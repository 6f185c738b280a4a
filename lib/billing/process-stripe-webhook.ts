import { AppError } from '@/lib/errors';
import type { Logger } from '@/lib/log';
import { recordStripeEvent } from '@/lib/metrics';
import { claimEvent, failEventClaim, finishEventClaim } from './claim-event';
import { stripeWebhookSecret, WEBHOOK_TOLERANCE_SECONDS } from './config';
import { constructStripeEvent, type Stripe } from './stripe-client';

export type WebhookOutcome = 'processed' | 'ignored';

export type StripeEventHandler<E extends Stripe.Event = Stripe.Event> = (
  event: E,
) => Promise<WebhookOutcome>;

/** The allow-list: an event type is handled only if it has a handler here. */
export type StripeEventHandlers = {
  [T in Stripe.Event['type']]?: StripeEventHandler<Extract<Stripe.Event, { type: T }>>;
};

export interface WebhookResult {
  received: true;
  event_id?: string;
  type?: string;
  /** `duplicate`: this event id was already handled; nothing changed. */
  outcome: WebhookOutcome | 'duplicate' | 'unhandled_type';
}

/**
 * Stripe webhook ingress (fail closed, STYLE rule 10):
 * 1. no secret configured → 500 `misconfigured`, nothing read;
 * 2. the signature is checked over the RAW body (and its timestamp within
 *    WEBHOOK_TOLERANCE_SECONDS) → 400 `invalid_signature`, nothing changed;
 * 3. types outside the allow-list → 200, ignored;
 * 4. the event id is claimed by a unique insert (claimEvent): a duplicate
 *    answers 200 (handled) or 409 (in flight — Stripe retries later);
 * 5. the handler runs; on success the claim becomes `processed`, on failure
 *    `failed` and the error propagates (5xx) so Stripe's retry reprocesses.
 * Handlers are themselves idempotent by ledger keys (`purchase:<sessionId>`…),
 * so even a takeover of a stale claim cannot grant twice.
 */
export async function processStripeWebhook(input: {
  rawBody: string;
  signature: string | null;
  handlers: StripeEventHandlers;
  log?: Logger;
}): Promise<WebhookResult> {
  const secret = stripeWebhookSecret();
  if (!secret) throw new AppError('misconfigured', 'The Stripe webhook secret is not configured');
  if (!input.signature) throw new AppError('invalid_signature', 'Missing Stripe-Signature header');
  let event: Stripe.Event;
  try {
    event = constructStripeEvent(input.rawBody, input.signature, secret, WEBHOOK_TOLERANCE_SECONDS);
  } catch {
    throw new AppError(
      'invalid_signature',
      'The Stripe signature does not match the body, or it is too old',
    );
  }
  const handler = input.handlers[event.type] as StripeEventHandler | undefined;
  if (!handler) {
    recordStripeEvent(event.type, 'unhandled_type');
    return { received: true, event_id: event.id, type: event.type, outcome: 'unhandled_type' };
  }

  const claim = await claimEvent('stripe', event.id, event.type);
  if (claim.kind === 'done') {
    recordStripeEvent(event.type, 'duplicate');
    return { received: true, event_id: event.id, type: event.type, outcome: 'duplicate' };
  }
  if (claim.kind === 'busy') {
    throw new AppError(
      'conflict',
      'This event is being processed by another delivery; retry later',
      { retryAfter: 30 },
    );
  }
  try {
    const outcome = await handler(event);
    await finishEventClaim(claim.claimId, outcome);
    input.log?.info({ eventId: event.id, type: event.type, outcome }, 'stripe event handled');
    recordStripeEvent(event.type, outcome);
    return { received: true, event_id: event.id, type: event.type, outcome };
  } catch (err) {
    await failEventClaim(claim.claimId, err).catch(() => undefined);
    recordStripeEvent(event.type, 'failed');
    input.log?.error(
      {
        eventId: event.id,
        type: event.type,
        err: err instanceof Error ? err.message : String(err),
      },
      'stripe event failed; Stripe will retry',
    );
    throw err;
  }
}
