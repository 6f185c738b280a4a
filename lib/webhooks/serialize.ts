import type { WebhookDeliveryDoc } from '@/models/webhook-delivery';
import type { WebhookEndpointDoc } from '@/models/webhook-endpoint';
import type {
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from './schemas';

type Timestamps = { createdAt?: Date; updatedAt?: Date };
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** An endpoint in the public snake_case shape, without its secret. */
export function serializeEndpoint(doc: WebhookEndpointDoc & Timestamps): WebhookEndpointView {
  return {
    id: doc._id.toString(),
    url: doc.url,
    description: doc.description || null,
    events: [...(doc.events ?? [])] as WebhookEventType[],
    enabled: doc.enabled !== false,
    disabled_reason: doc.enabled === false ? (doc.disabledReason ?? null) : null,
    disabled_at: doc.enabled === false ? iso(doc.disabledAt) : null,
    consecutive_failures: doc.consecutiveFailures ?? 0,
    livemode: doc.livemode !== false,
    created_at: (doc.createdAt ?? new Date()).toISOString(),
    updated_at: (doc.updatedAt ?? doc.createdAt ?? new Date()).toISOString(),
  };
}

export function serializeEndpointWithSecret(
  doc: WebhookEndpointDoc & Timestamps,
): WebhookEndpointWithSecret {
  return { ...serializeEndpoint(doc), secret: doc.secret };
}

export function serializeDelivery(doc: WebhookDeliveryDoc & Timestamps): WebhookDeliveryView {
  const attempts = (doc.attempts ?? []).map((a) => ({
    at: a.at.toISOString(),
    status_code: a.statusCode ?? null,
    latency_ms: a.latencyMs == null ? null : Math.round(a.latencyMs),
    response_excerpt: a.responseExcerpt ?? null,
    error: a.error ?? null,
    manual: Boolean(a.manual),
  }));
  return {
    id: doc._id.toString(),
    endpoint_id: doc.endpointId.toString(),
    message_id: doc.messageId,
    event_type: doc.eventType as WebhookEventType,
    test: Boolean(doc.test),
    status: doc.status,
    attempt_count: attempts.length,
    attempts,
    next_attempt_at: doc.status === 'pending' ? iso(doc.nextAttemptAt) : null,
    delivered_at: iso(doc.deliveredAt),
    failed_at: doc.status === 'failed' ? iso(doc.failedAt) : null,
    last_error: doc.lastError ?? null,
    payload: (doc.payload ?? {}) as Record<string, unknown>,
    created_at: (doc.createdAt ?? new Date()).toISOString(),
  };
}
