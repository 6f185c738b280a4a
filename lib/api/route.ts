import { NextResponse, type NextRequest } from 'next/server';
import { translateError, unauthorized, forbidden } from '@/lib/errors';
import { env } from '@/lib/env';
import { requestLogger, type Logger } from '@/lib/log';
import { startHttpTimer } from '@/lib/metrics';
import { tagRequestId } from '@/lib/telemetry';
import { resolveCaller, type Caller } from '@/lib/auth/caller';
import type { Role } from '@/models/user';
import {
  consumeRateLimit,
  refundRateLimit,
  RateLimitedError,
  type RateLimitName,
  type RateLimitState,
} from '@/lib/rate-limit';
import { clientIp } from './client-ip';
import { setRateLimitHeaders } from './rate-limit-headers';
import { assertSameOrigin } from './same-origin';

export { readJson, JSON_BODY_LIMIT } from './read-json';
export { readBodyCapped } from './read-body';

/**
 * The one wrapper every API route goes through: request id, an IP rate
 * limit before authentication, caller resolution (session or x-api-key),
 * role and cross-site checks, the caller's rate limit, and the error
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
  /**
   * The route acts only on the signed-in person (account, photos, support,
   * organisation list, account switch): a refused organisation context
   * (`tr_account`) does not stop it, and `caller.ownerId` is the person.
   */
  personal?: boolean;
  /** The route's rate-limit policy (default `api`), per caller, or per IP for anonymous calls. */
  rateLimit?: RateLimitName;
}

type NextRouteContext<P> = { params: Promise<P> };

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
    const observe = startHttpTimer(req, context?.params);
    tagRequestId(requestId);
    const policy = opts.rateLimit ?? 'api';
    let limit: RateLimitState | undefined;
    let res: Response;
    try {
      // The IP pays before authentication, so failed key lookups are limited
      // too; a caller who turns out to be known pays from their own bucket instead.
      const ipKey = `ip:${clientIp(req.headers, env.TRUSTED_PROXY_HOPS)}`;
      limit = await consumeRateLimit(policy, ipKey);
      const caller =
        opts.auth === 'none'
          ? null
          : await resolveCaller(req, opts.personal ? { personal: true } : {});
      if (opts.auth === 'user') {
        if (!caller) throw unauthorized();
        if (opts.sessionOnly && caller.via !== 'session')
          throw forbidden('This endpoint requires a signed-in session');
        if (opts.roles && !opts.roles.includes(caller.role)) throw forbidden();
      }
      if (caller?.via === 'session') assertSameOrigin(req, new URL(env.APP_URL).origin);
      if (caller) {
        await refundRateLimit(policy, ipKey);
        limit = await consumeRateLimit(policy, `user:${caller.userId}`);
      }
      const params = ((await context?.params) ?? {}) as P;
      const result = await handler({
        req,
        params,
        requestId,
        log,
        caller: caller as RouteContext<P, A>['caller'],
      });
      res = result instanceof Response ? result : NextResponse.json(result ?? null);
      res.headers.set('x-request-id', requestId);
      if (!res.headers.has('Cache-Control')) res.headers.set('Cache-Control', 'no-store');
    } catch (err) {
      if (err instanceof RateLimitedError) limit = err.state;
      res = errorResponse(err, requestId, log);
    }
    setRateLimitHeaders(res, limit);
    await observe(res);
    return res;
  };
}

/** Converts `URLSearchParams` to a plain object for zod parsing; empty values (`?type=`) count as absent. */
export function queryObject(req: NextRequest | URLSearchParams): Record<string, string> {
  const sp = req instanceof URLSearchParams ? req : req.nextUrl.searchParams;
  return Object.fromEntries([...sp.entries()].filter(([, v]) => v !== ''));
}
