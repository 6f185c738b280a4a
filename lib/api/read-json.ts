import { AppError } from '@/lib/errors';
import { readBodyCapped } from './read-body';

/** JSON bodies are small: 1 MB unless a route passes its own cap. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** `application/json` (parameters such as charset allowed); nothing else is read as JSON. */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function unsupportedMediaType(): AppError {
  return new AppError('unsupported_media_type', 'Send the body as application/json', {
    details: { accepted: ['application/json'] },
  });
}

/**
 * Reads a JSON body through the streaming size cap (413) and requires
 * `Content-Type: application/json` (415) — `text/plain` is what a cross-site
 * form can send without a preflight. An empty body reads as `{}`, so routes
 * whose fields are all optional accept a bare POST. Malformed JSON is a 400.
 */
export async function readJson(req: Request, maxBytes = JSON_BODY_LIMIT): Promise<unknown> {
  const contentType = req.headers.get('content-type');
  if (contentType !== null && !isJsonContentType(contentType)) throw unsupportedMediaType();
  const body = await readBodyCapped(req, maxBytes);
  if (body.byteLength === 0) return {};
  if (contentType === null) throw unsupportedMediaType();
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
}
