import { metrics } from './registry';

/** A try-on job reached a final status (`completed` or `failed`). */
export function recordTryonJob(
  status: 'completed' | 'failed',
  provider: string | null | undefined,
  processingMs: number | null | undefined,
): void {
  const labels = { status, provider: provider ?? 'unknown' };
  const m = metrics();
  m.tryonJobs.inc(labels);
  if (processingMs != null) m.tryonGeneration.observe(labels, processingMs / 1000);
}

/** Credits moved by a ledger entry applied this time (not a replay). */
export function recordCredits(kind: 'granted' | 'spent' | 'refunded', credits: number): void {
  if (credits > 0) metrics().credits.inc({ kind }, credits);
}

/** A Stripe webhook event was handled (`processed`, `duplicate`, `ignored`, `failed`…). */
export function recordStripeEvent(type: string, outcome: string): void {
  // Unknown event types share one label so a sender cannot grow the series.
  const known = /^(checkout|charge|payment_intent|invoice|customer)\.[a-z_.]{1,60}$/.test(type);
  metrics().stripeEvents.inc({ type: known ? type : 'other', outcome });
}

/** One outgoing webhook delivery attempt ended (`succeeded`, `retrying`, `failed`, `gone`). */
export function recordWebhookDelivery(outcome: string): void {
  metrics().webhookDeliveries.inc({ outcome });
}

/** A rate-limit policy refused a request (429). */
export function recordRateLimitRefusal(policy: string): void {
  metrics().rateLimitRefusals.inc({ policy });
}
