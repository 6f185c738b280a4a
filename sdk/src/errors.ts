import type { components } from './schema';

/** An error code of the API's envelope (`{ error: { code, message, details? } }`). */
export type ApiErrorCode = components['schemas']['Error']['error']['code'];

/**
 * Codes the SDK adds for failures that never reached an API answer:
 * `timeout` (wait() gave up), `network_error` (no response), `unexpected_response`
 * (an answer without the error envelope, e.g. a proxy's HTML page).
 */
export type ClientErrorCode = 'timeout' | 'network_error' | 'unexpected_response';

export type TrailRoomErrorCode = ApiErrorCode | ClientErrorCode;

/** Every failure the SDK reports: the API's error envelope, its HTTP status and request id. */
export class TrailRoomError extends Error {
  override readonly name = 'TrailRoomError';
  readonly code: TrailRoomErrorCode;
  /** The HTTP status; 0 when no response was received (network error, timeout). */
  readonly status: number;
  readonly details: unknown;
  /** The server's `x-request-id`, worth quoting to support. */
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After` (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    code: TrailRoomErrorCode;
    message: string;
    status: number;
    details?: unknown;
    requestId?: string;
    retryAfter?: number;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

/** `Retry-After` as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function isEnvelope(body: unknown): body is components['schemas']['Error'] {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/** The TrailRoomError for a non-2xx response and its (already parsed) body. */
export function errorFromResponse(response: Response, body: unknown): TrailRoomError {
  const common = {
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  };
  if (isEnvelope(body)) {
    return new TrailRoomError({
      ...common,
      code: body.error.code,
      message: body.error.message,
      details: body.error.details,
    });
  }
  return new TrailRoomError({
    ...common,
    code: 'unexpected_response',
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
    details: body,
  });
}
