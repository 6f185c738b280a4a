import type { ProviderAttempt, ProviderName } from './types';

/**
 * The one failure type of lib/ai. `retryable` decides whether the job's
 * Inngest step may try again: 429, 5xx, timeouts and network errors are
 * transient; a safety block, refused input, a response without an image and
 * any other 4xx are final (retrying would fail the same way).
 */
export type ProviderErrorCode =
  | 'rate_limited'
  | 'provider_unavailable'
  | 'timeout'
  | 'network_error'
  | 'safety_blocked'
  | 'input_refused'
  | 'no_image_returned'
  | 'bad_request'
  | 'auth_failed'
  | 'not_configured'
  | 'canceled'
  | 'injected_failure'
  | 'unknown';

export class ProviderError extends Error {
  override name = 'ProviderError';
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  readonly status?: number;
  readonly provider: ProviderName;
  /** Set by generateTryOn: every provider call made before this failure (failover included). */
  attempts?: ProviderAttempt[];

  constructor(
    provider: ProviderName,
    code: ProviderErrorCode,
    message: string,
    opts: { retryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.provider = provider;
    this.code = code;
    this.status = opts.status;
    this.retryable = opts.retryable ?? RETRYABLE_CODES.has(code);
  }
}

const RETRYABLE_CODES = new Set<ProviderErrorCode>([
  'rate_limited',
  'provider_unavailable',
  'timeout',
  'network_error',
]);

export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}

/** Classification of an HTTP status from any provider. */
export function errorFromStatus(
  provider: ProviderName,
  status: number,
  message: string,
  cause?: unknown,
): ProviderError {
  if (status === 429)
    return new ProviderError(provider, 'rate_limited', message, { status, cause });
  if (status === 408)
    return new ProviderError(provider, 'timeout', message, { status, cause, retryable: true });
  if (status >= 500)
    return new ProviderError(provider, 'provider_unavailable', message, { status, cause });
  if (status === 401 || status === 403)
    return new ProviderError(provider, 'auth_failed', message, { status, cause, retryable: false });
  if (status === 422)
    return new ProviderError(provider, 'input_refused', message, {
      status,
      cause,
      retryable: false,
    });
  return new ProviderError(provider, 'bad_request', message, { status, cause, retryable: false });
}
