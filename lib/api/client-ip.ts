import { isIP } from 'node:net';

/** The bucket key when no trusted address is known: every such request shares it. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client address for rate limiting, from `X-Forwarded-For` and the
 * number of reverse proxies in front of the app that append to it
 * (TRUSTED_PROXY_HOPS). Each proxy appends the address it received the
 * request from, so the client is the `hops`-th entry from the right;
 * anything further left was written by the client and is ignored.
 *
 * With 0 hops the header is ignored entirely: a client may send any
 * X-Forwarded-For, and Next.js route handlers do not expose the socket
 * address (Next only fills the header when it is absent), so all traffic
 * shares one `unknown` bucket. Deployments behind a proxy set the count.
 */
export function clientIp(headers: Headers, hops: number): string {
  if (hops <= 0) return UNKNOWN_CLIENT;
  const hopsSeen = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped a proxy; take the left-most we have.
  const candidate = hopsSeen[Math.max(0, hopsSeen.length - hops)];
  if (!candidate) return UNKNOWN_CLIENT;
  const ip = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(ip) ? ip : UNKNOWN_CLIENT;
}
