import { createHash } from 'node:crypto';
import { authSecret, env, localCheckoutEnabled } from '@/lib/env';

/**
 * Billing settings derived from lib/env. Prices live in lib/pricing/config.ts.
 */

/** Stripe rejects a signed event older than this (seconds): replayed old deliveries fail closed. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * A claimed event still `processing` after this long is taken to have crashed
 * mid-way, and a redelivery may process it again (handlers are idempotent by
 * their ledger keys, so a slow first attempt finishing late changes nothing).
 */
export const EVENT_CLAIM_STALE_MS = 2 * 60_000;

/** Whether a real Stripe account (or stripe-mock) is configured. */
export function stripeConfigured(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

/**
 * The secret that signs webhook events: Stripe's endpoint secret, or — for
 * the local test checkout only (never in production) — a secret derived from
 * the app's auth secret, so local events go through the same verification.
 * Null means misconfigured: the webhook answers 500 and changes nothing.
 */
export function stripeWebhookSecret(): string | null {
  if (env.STRIPE_WEBHOOK_SECRET) return env.STRIPE_WEBHOOK_SECRET;
  if (localCheckoutEnabled) {
    return `whsec_local_${createHash('sha256').update(`${authSecret()}:stripe-local-webhook`).digest('hex').slice(0, 40)}`;
  }
  return null;
}

/** Where a checkout started: `studio` sends the shopper back to the studio, paid or cancelled. */
export type CheckoutReturnTo = 'studio';

export function checkoutUrls(returnTo?: CheckoutReturnTo): { success: string; cancel: string } {
  const base = env.APP_URL.replace(/\/$/, '');
  if (returnTo === 'studio')
    return {
      success: `${base}/billing/success?session_id={CHECKOUT_SESSION_ID}&return_to=studio`,
      cancel: `${base}/studio?checkout=canceled`,
    };
  return {
    success: `${base}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel: `${base}/pricing?canceled=1`,
  };
}

export function localCheckoutUrl(sessionId: string, returnTo?: CheckoutReturnTo): string {
  return `${env.APP_URL.replace(/\/$/, '')}/billing/test-checkout/${encodeURIComponent(sessionId)}${returnTo ? `?return_to=${returnTo}` : ''}`;
}
