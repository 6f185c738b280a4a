import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The socket's peer address, handed from the HTTP server to route handlers.
 * Next.js route handlers cannot see the socket, and a client can write any
 * X-Forwarded-For. So the method guard (installed on the process's HTTP
 * servers) stamps every request with this header, overwriting whatever the
 * client sent, and the value carries a random per-process token: a header
 * that did not come from our own server (no guard installed, or a client's
 * forgery) never matches and is ignored.
 */
export const PEER_HEADER = 'x-trailroom-peer';

const g = globalThis as typeof globalThis & { __trailroomPeerToken?: string };
const token = (g.__trailroomPeerToken ??= randomBytes(16).toString('hex'));

/** Called by the HTTP-server guard for every incoming request. */
export function stampPeerAddress(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = `${token}:${req.socket?.remoteAddress ?? ''}`;
}

/** The stamped peer address, or undefined when the header is absent or not ours. */
export function readPeerAddress(headers: Headers): string | undefined {
  const value = headers.get(PEER_HEADER);
  if (!value || !value.startsWith(`${token}:`)) return undefined;
  return value.slice(token.length + 1) || undefined;
}
