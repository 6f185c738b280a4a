import { errorFromResponse, TrailRoomError } from './errors';

/** `{ data, error, response }` as openapi-fetch answers. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Runs one openapi-fetch call and returns its data, or throws a TrailRoomError:
 * the API's envelope for a non-2xx answer, `network_error` when there was none.
 */
export async function unwrap<T>(call: () => Promise<FetchResult<T>>): Promise<{
  data: T;
  response: Response;
}> {
  let result: FetchResult<T>;
  try {
    result = await call();
  } catch (cause) {
    if (cause instanceof TrailRoomError) throw cause;
    // An aborted wait is the caller's decision, not a network failure.
    if (cause instanceof Error && cause.name === 'AbortError') throw cause;
    throw new TrailRoomError({
      code: 'network_error',
      status: 0,
      message: cause instanceof Error ? cause.message : 'The request failed',
      cause,
    });
  }
  if (!result.response.ok) throw errorFromResponse(result.response, result.error);
  return { data: result.data as T, response: result.response };
}
