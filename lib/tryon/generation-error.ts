/**
 * A generation failure as the run sees it: `retryable` failures are retried
 * with back-off, final ones fail the job at once. The job keeps the last
 * error so that its failure reason is precise.
 */
export class GenerationError extends Error {
  override name = 'GenerationError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * What a shopper, an API client or a `tryon.failed` webhook is told about a
 * failure: one code and one fixed message per class. The provider's own text
 * (which can carry prompts, quotas, account or configuration details) stays
 * in the logs and in the job's admin-only `errorDetail`.
 */
export const PUBLIC_FAILURES = {
  provider_unavailable: 'The image service is unavailable right now. Try again in a few minutes.',
  content_blocked:
    'The image service declined these photos under its content policy. Try other photos.',
  generation_failed: 'The try-on could not be generated.',
  timeout: 'The try-on took too long and was stopped.',
  input_missing: 'An image of this try-on is no longer stored.',
  dispatch_failed: 'The try-on could not be started.',
} as const;

export type PublicFailureCode = keyof typeof PUBLIC_FAILURES;

/** Internal codes (lib/ai ProviderErrorCode, lib/tryon) → their public class; anything else is generation_failed. */
const FAILURE_CLASS: Record<string, PublicFailureCode> = {
  rate_limited: 'provider_unavailable',
  provider_unavailable: 'provider_unavailable',
  network_error: 'provider_unavailable',
  timeout: 'timeout',
  safety_blocked: 'content_blocked',
  input_refused: 'content_blocked',
  content_blocked: 'content_blocked',
  input_missing: 'input_missing',
  dispatch_failed: 'dispatch_failed',
};

export interface PublicFailure {
  code: PublicFailureCode;
  message: string;
}

/** The public code and message for an internal failure code. */
export function publicFailure(code: string | null | undefined): PublicFailure {
  const cls: PublicFailureCode =
    (code && Object.hasOwn(FAILURE_CLASS, code) ? FAILURE_CLASS[code] : undefined) ??
    'generation_failed';
  return { code: cls, message: PUBLIC_FAILURES[cls] };
}

/** The raw failure, for logs and admins only: never serialised to shoppers, the API or webhooks. */
export interface FailureDetail {
  code: string;
  message: string;
}

export function failureDetail(reason: { code: string; message: string }): FailureDetail {
  return { code: reason.code.slice(0, 100), message: reason.message.slice(0, 1000) };
}
