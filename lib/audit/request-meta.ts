import { clientIp, UNKNOWN_CLIENT } from '@/lib/api/client-ip';
import { env } from '@/lib/env';

/** Where an action came from, as recorded in audit entries. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

/**
 * Reads the client IP (the same trusted address rate limits use: a client
 * cannot write it), user agent and request id of a request.
 */
export function requestMeta(req: Request, requestId?: string): RequestMeta {
  const found = clientIp(req.headers, env.TRUSTED_PROXY_HOPS);
  const ip = found === UNKNOWN_CLIENT ? undefined : found;
  const userAgent = req.headers.get('user-agent') ?? undefined;
  return {
    ...(ip ? { ip: ip.slice(0, 100) } : {}),
    ...(userAgent ? { userAgent: userAgent.slice(0, 500) } : {}),
    ...(requestId ? { requestId: requestId.slice(0, 100) } : {}),
  };
}
