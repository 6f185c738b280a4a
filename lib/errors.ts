import { ZodError } from 'zod';

/**
 * One error model for the whole product. Every code has one HTTP status;
 * `toErrorBody` is the single translator from anything thrown to the API
 * envelope `{ error: { code, message, details? } }`.
 */
export const ERROR_STATUS = {
  // 400
  bad_request: 400,
  validation_error: 400,
  invalid_json: 400,
  invalid_signature: 400,
  invalid_image_encoding: 400,
  /** A list's `starting_after`/`ending_before` that is not a cursor it issued. */
  invalid_cursor: 400,
  // 401
  unauthorized: 401,
  invalid_api_key: 401,
  api_key_revoked: 401,
  /** A storefront widget session token that is malformed, forged or for another server. */
  widget_token_invalid: 401,
  widget_token_expired: 401,
  // 402
  insufficient_credits: 402,
  /** A key's daily or the account's monthly credit cap would be passed (`details: { scope, cap, resets_at }`). */
  spend_cap_reached: 402,
  // 403
  forbidden: 403,
  account_suspended: 403,
  cross_site_request: 403,
  /** A secret or test key sent from a browser page of another origin (the key would be public). */
  secret_key_in_browser: 403,
  /** A publishable key on an /api/v1 route: it only works in the storefront widget. */
  publishable_key_not_allowed: 403,
  /** The storefront widget refuses: unknown or revoked key, origin not allowed, organisation inactive. */
  widget_unavailable: 403,
  /** An admin acting on their own money (crediting or refunding themself). */
  self_action_forbidden: 403,
  /** Above the single-adjustment threshold for the role, or the admin's daily grant cap. */
  admin_limit_exceeded: 403,
  /** The session's organisation context names an organisation the person is no longer a member of. */
  organization_access_revoked: 403,
  /** The organisation is suspended (or deleted): nothing acts for it. */
  organization_suspended: 403,
  /** The person's organisation role does not allow the action. */
  organization_role_forbidden: 403,
  /** An invitation for another email address than the signed-in person's. */
  invite_wrong_account: 403,
  /** A catalog route or product try-on from a personal account: products belong to organisations. */
  organization_required: 403,
  // 404
  not_found: 404,
  /** No such product in the caller's organisation (also another organisation's id or SKU). */
  product_not_found: 404,
  // 405
  method_not_allowed: 405,
  // 409
  conflict: 409,
  idempotency_conflict: 409,
  invalid_state: 409,
  webhook_endpoint_limit: 409,
  webhook_endpoint_disabled: 409,
  /** Another product of the organisation has this SKU. */
  sku_taken: 409,
  /** The last owner of an organisation cannot leave or be demoted or removed. */
  last_owner: 409,
  slug_taken: 409,
  // 410
  /** An invitation that expired, was revoked or was already used. */
  invite_invalid: 410,
  // 413
  payload_too_large: 413,
  image_too_large: 413,
  // 415
  unsupported_media_type: 415,
  unsupported_image_type: 415,
  // 422
  unprocessable: 422,
  image_corrupt: 422,
  image_too_small: 422,
  image_dimensions_too_large: 422,
  image_fetch_failed: 422,
  invalid_url: 422,
  amount_mismatch: 422,
  webhook_url_invalid: 422,
  webhook_url_https_required: 422,
  webhook_url_forbidden: 422,
  webhook_url_unresolvable: 422,
  /** The product is switched off: no try-on may use it. */
  product_inactive: 422,
  /** A product CSV that cannot be read at all (no header, a required column missing, too many rows). */
  csv_invalid: 422,
  // 429
  rate_limited: 429,
  /** A storefront visitor used up the organisation's daily try-ons per visitor. */
  widget_quota_exceeded: 429,
  /** The person's free re-rolls of "not right" results for the UTC day are used up. */
  reroll_limit_reached: 429,
  // 500/502/503
  internal_error: 500,
  misconfigured: 500,
  provider_error: 502,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  /** Seconds, for 429 and 503 responses. */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: unknown; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have access to this resource') =>
  new AppError('forbidden', message);
export const unauthorized = (message = 'Sign in or send a valid x-api-key header') =>
  new AppError('unauthorized', message);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export interface TranslatedError {
  status: number;
  body: ErrorBody;
  retryAfter?: number;
  /** True when the error is ours to fix (500): log it with the request id. */
  unexpected: boolean;
}

function hasCode(e: unknown): e is { code: unknown; name?: unknown } {
  return typeof e === 'object' && e !== null && 'code' in e;
}

/** Turns anything thrown into the envelope. Unknown errors never leak their message. */
export function translateError(err: unknown): TranslatedError {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: {
        error: {
          code: err.code,
          message: err.message,
          ...(err.details === undefined ? {} : { details: err.details }),
        },
      },
      retryAfter: err.retryAfter,
      unexpected: err.status >= 500,
    };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      body: {
        error: {
          code: 'validation_error',
          message: err.issues[0]
            ? `${err.issues[0].path.join('.') || 'body'}: ${err.issues[0].message}`
            : 'Invalid request',
          details: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      },
      unexpected: false,
    };
  }
  if (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'CastError') {
    // A malformed ObjectId in a path is indistinguishable from a missing record.
    return {
      status: 404,
      body: { error: { code: 'not_found', message: 'Resource not found' } },
      unexpected: false,
    };
  }
  if (hasCode(err) && err.code === 11000) {
    return {
      status: 409,
      body: { error: { code: 'conflict', message: 'A record with the same key already exists' } },
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'internal_error',
        message: 'Something went wrong on our side. Please try again.',
      },
    },
    unexpected: true,
  };
}

export function isDuplicateKeyError(err: unknown): boolean {
  return hasCode(err) && err.code === 11000;
}
