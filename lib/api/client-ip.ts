import { isIP } from 'node:net';
import { readPeerAddress } from './peer-address';

/** The bucket key when no trusted address is known: every such request shares it. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client address for rate limiting, from `X-Forwarded-For` and the
 * number of reverse proxies in front of the app that append to it
 * (TRUSTED_PROXY_HOPS). Each proxy appends the address it received the
 * request from, so the client is the `hops`-th entry from the right;
 * anything further left was written by the client and is ignored.
 *
 * With 0 hops (direct exposure) the header is ignored entirely — a client
 * may send any X-Forwarded-For — and the socket's peer address is used, as
 * stamped by our HTTP-server guard (peer-address.ts). Without that stamp
 * (no guard in this runtime) all such traffic shares one `unknown` bucket.
 */
export function clientIp(headers: Headers, hops: number): string {
  if (hops <= 0) return normalise(readPeerAddress(headers));
  const hopsSeen = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped a proxy; take the left-most we have.
  return normalise(hopsSeen[Math.max(0, hopsSeen.length - hops)]);
}

function normalise(candidate: string | undefined): string {
  if (!candidate) return UNKNOWN_CLIENT;
  const ip = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(ip) ? ip : UNKNOWN_CLIENT;
}
