import { trace } from '@opentelemetry/api';

/** The span attribute that carries the request id our logs carry as `requestId`. */
export const REQUEST_ID_ATTRIBUTE = 'trailroom.request_id';

/**
 * Puts the request id (the one in the logs and the `x-request-id` header) on
 * the active span, so a trace and its log lines find each other. A no-op when
 * tracing is off (no active span).
 */
export function tagRequestId(requestId: string): void {
  trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
}
