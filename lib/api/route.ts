import { NextResponse, type NextRequest } from 'next/server';
import { AppError, translateError, unauthorized, forbidden } from '@/lib/errors';
import { requestLogger, type Logger } from '@/lib/log';
import { resolveCaller, type Caller } from '@/lib/auth/caller';
import type { Role } from '@/models/user';
import { consumeRateLimit, type RateLimitName } from '@/lib/rate-limit';

/**
 * The one wrapper every API route goes through: request id, caller
 * resolution (session or x-api-key), role check, rate limit, and the error
 * envelope. Handlers return data (sent as JSON 200), or a Response.
 */
export interface RouteContext<P, A extends AuthMode> {
  req: NextRequest;
  params: P;
  requestId: string;
  log: Logger;
  caller: A extends 'none' ? Caller | null : A extends 'optional' ? Caller | null : Caller;
}

export type AuthMode = 'none' | 'optional' | 'user';

export interface RouteOptions<A extends AuthMode> {
  auth: A;
  /** Roles allowed (default: any signed-in role). */
  roles?: readonly Role[];
  /** Session only: API keys may not call this route. */
  sessionOnly?: boolean;
  rateLimit?: RateLimitName;
}

type NextRouteContext<P> = { params: Promise<P> };

function clientIp(req: NextRequest): string {
  return (
    req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ||
    req.headers.get('x-real-ip') ||
    'local'
  );
}

export function errorResponse(err: unknown, requestId: string, log?: Logger): NextResponse {
  const t = translateError(err);
  if (t.unexpected && log)
    log.error(
      {
        err:
          err instanceof Error
            ? { name: err.name, message: err.message, stack: err.stack }
            : String(err),
      },
      'request failed',
    );
  const res = NextResponse.json(t.body, { status: t.status });
  res.headers.set('x-request-id', requestId);
  res.headers.set('Cache-Control', 'no-store');
  if (t.retryAfter) res.headers.set('Retry-After', String(t.retryAfter));
  return res;
}

export function apiRoute<P = Record<string, never>, A extends AuthMode = 'user'>(
  opts: RouteOptions<A>,
  handler: (ctx: RouteContext<P, A>) => Promise<Response | unknown>,
) {
  return async (req: NextRequest, context: NextRouteContext<P>): Promise<Response> => {
    const requestId = req.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    const log = requestLogger(requestId, { method: req.method, path: req.nextUrl.pathname });
    try {
      const caller = opts.auth === 'none' ? null : await resolveCaller(req);
      if (opts.auth === 'user') {
        if (!caller) throw unauthorized();
        if (opts.sessionOnly && caller.via !== 'session')
          throw forbidden('This endpoint requires a signed-in session');
        if (opts.roles && !opts.roles.includes(caller.role)) throw forbidden();
      }
      const limitName = opts.rateLimit ?? (caller ? 'api' : 'anonymous');
      await consumeRateLimit(limitName, caller ? `u:${caller.userId}` : `ip:${clientIp(req)}`);
      const params = ((await context?.params) ?? {}) as P;
      const result = await handler({
        req,
        params,
        requestId,
        log,
        caller: caller as RouteContext<P, A>['caller'],
      });
      const res = result instanceof Response ? result : NextResponse.json(result ?? null);
      res.headers.set('x-request-id', requestId);
      if (!res.headers.has('Cache-Control')) res.headers.set('Cache-Control', 'no-store');
      return res;
    } catch (err) {
      return errorResponse(err, requestId, log);
    }
  };
}

/** Parses a JSON body, turning malformed JSON into a 400 rather than a 500. */
export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > maxBytes)
    throw new AppError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
  const text = await req.text();
  if (text.length > maxBytes)
    throw new AppError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
  try {
    return text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
}

/** Converts `URLSearchParams` to a plain object for zod parsing; empty values (`?type=`) count as absent. */
export function queryObject(req: NextRequest | URLSearchParams): Record<string, string> {
  const sp = req instanceof URLSearchParams ? req : req.nextUrl.searchParams;
  return Object.fromEntries([...sp.entries()].filter(([, v]) => v !== ''));
}
