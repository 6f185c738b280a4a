import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry and every TrailRoom metric, kept on
 * globalThis so that dev hot reload (and a second import of this module)
 * reuses them instead of registering the same names twice.
 *
 * Labels are bounded: routes are patterns (`/api/v1/tryon/[id]`), never raw
 * paths; database commands and Stripe event types come from fixed lists.
 */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const GENERATION_SECONDS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];
const DB_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'trailroom_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'trailroom_http_requests_total',
      help: 'API requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'trailroom_http_request_duration_seconds',
      help: 'API request latency, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: SECONDS,
      registers,
    }),
    tryonJobs: new Counter({
      name: 'trailroom_tryon_jobs_total',
      help: 'Try-on jobs that reached a final status, by status and provider',
      labelNames: ['status', 'provider'] as const,
      registers,
    }),
    tryonGeneration: new Histogram({
      name: 'trailroom_tryon_generation_seconds',
      help: 'Try-on processing time (start to completion or failure), by status and provider',
      labelNames: ['status', 'provider'] as const,
      buckets: GENERATION_SECONDS,
      registers,
    }),
    credits: new Counter({
      name: 'trailroom_credits_total',
      help: 'Credits moved by the ledger, by kind (granted, spent, refunded)',
      labelNames: ['kind'] as const,
      registers,
    }),
    stripeEvents: new Counter({
      name: 'trailroom_stripe_events_total',
      help: 'Stripe webhook events received, by type and outcome',
      labelNames: ['type', 'outcome'] as const,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'trailroom_webhook_deliveries_total',
      help: 'Outgoing webhook delivery attempts, by outcome',
      labelNames: ['outcome'] as const,
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: 'trailroom_rate_limit_refusals_total',
      help: 'Requests refused with 429 by a rate-limit policy',
      labelNames: ['policy'] as const,
      registers,
    }),
    dbDuration: new Histogram({
      name: 'trailroom_db_operation_duration_seconds',
      help: 'Database command latency (driver command monitoring), by command and outcome',
      labelNames: ['command', 'outcome'] as const,
      buckets: DB_SECONDS,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

const g = globalThis as typeof globalThis & { __trailroomMetrics?: Metrics };

/** The process's metrics (created once). */
export function metrics(): Metrics {
  return (g.__trailroomMetrics ??= build());
}
