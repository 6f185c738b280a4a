import { webhookAllowPrivate, webhookRetryScale } from '@/lib/env';
import type { AddressPolicy } from '@/lib/net';

/** The limits and schedule of outgoing webhooks, in one place (docs and UI read them too). */

/** Endpoints one account may register. */
export const MAX_ENDPOINTS_PER_USER = 10;

/**
 * Wait before each attempt, Svix-style: at once, then 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h and 10 h — eight attempts over about 27 hours and 35 minutes.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/**
 * An endpoint is disabled when this many of its deliveries in a row (test
 * events excluded) ended failed — each one after its whole retry schedule,
 * so a disabled endpoint has been failing for more than a day.
 */
export const DISABLE_AFTER_FAILED_DELIVERIES = 5;

/**
 * Inline mode (no Inngest server): a wait before the next attempt up to this
 * long is slept in the delivering process; a longer one is left to the
 * database (`nextAttemptAt`) and the due-deliveries cron, which also picks up
 * whatever a restart interrupted.
 */
export const INLINE_HOLD_MS = 30_000;

/** Inline mode: how often the due-deliveries cron looks for attempts that are due. */
export const DUE_DELIVERIES_INTERVAL_MS = 15_000;

/**
 * A claimed scheduled attempt whose process died before it finished is taken
 * over after this long (an attempt itself is bounded by DELIVERY_TIMEOUT_MS).
 */
export const ATTEMPT_CLAIM_LEASE_MS = 5 * 60_000;

/** One attempt waits this long for the receiver's answer. */
export const DELIVERY_TIMEOUT_MS = 15_000;

/** Characters of the receiver's answer kept with each attempt. */
export const RESPONSE_EXCERPT_CHARS = 1_000;

/** After a rotation the previous secret keeps signing (a second signature) this long. */
export const SECRET_ROTATION_GRACE_MS = 24 * 3_600_000;

/** The schedule in use: RETRY_SCHEDULE_MS, shortened by WEBHOOK_RETRY_SCALE outside production. */
export function retryScheduleMs(scale: number = webhookRetryScale): number[] {
  return RETRY_SCHEDULE_MS.map((ms) => Math.round(ms * scale));
}

/** Where webhook requests may go: public addresses; loopback/private too when allowed (dev/test). */
export function webhookAddressPolicy(allowPrivate: boolean = webhookAllowPrivate): AddressPolicy {
  return allowPrivate ? { allowPrivate: true, allowLoopback: true } : {};
}

/** "5 s", "30 min", "10 h" — for the docs page and the UI. */
export function formatDelay(ms: number): string {
  if (ms === 0) return 'immediately';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}
