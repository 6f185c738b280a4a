/**
 * The browser's view of an API failure: the envelope
 * `{ error: { code, message, details? } }` with the HTTP status. Status 0 means
 * the request never got an answer (network down, aborted).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface Envelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/**
 * The one error parser: turns a failed response's body (already parsed JSON,
 * or null when it was not JSON) into an ApiError. Anything that is not the
 * envelope still gives a readable message.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const e = body && typeof body === 'object' ? (body as Envelope).error : undefined;
  const code = typeof e?.code === 'string' ? e.code : 'error';
  const message =
    typeof e?.message === 'string' && e.message ? e.message : `Request failed (${status})`;
  return new ApiError(status, code, message, e?.details);
}

/** A message to show for anything thrown by an API call. */
export function errorMessage(err: unknown, fallback = 'Something went wrong'): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.name !== 'AbortError' && err.message) return err.message;
  return fallback;
}

/** The field errors of a 422 validation_failed envelope (zod's flattened `fieldErrors`). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !err.details || typeof err.details !== 'object') return {};
  const fields = (err.details as { fieldErrors?: Record<string, unknown> }).fieldErrors;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields ?? {}))
    if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
  return out;
}
