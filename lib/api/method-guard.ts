import { randomUUID } from 'node:crypto';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ErrorBody } from '@/lib/errors';
import { stampPeerAddress } from './peer-address';
import { allowedMethods } from './route-methods';

export interface GuardAnswer {
  status: 404 | 405;
  headers: Record<string, string>;
  body: ErrorBody;
}

/** Outside /api: pages and assets. */
const PAGE_METHODS = ['GET', 'HEAD'];

/**
 * The answer for a method a route does not implement, or null to let
 * Next.js handle the request. TRACE (and TRACK, CONNECT) cannot be
 * represented by the Fetch API's Request, so Next.js fails with a 500
 * before any middleware or route code runs; other missing methods get
 * Next's bare 405 without an `Allow` header. Both become 405 with `Allow`
 * and the error envelope.
 */
export function unsupportedMethodAnswer(method: string, url: string): GuardAnswer | null {
  const pathname = url.split(/[?#]/)[0] ?? '/';
  const upper = method.toUpperCase();
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  const unrepresentable = upper === 'TRACE' || upper === 'TRACK' || upper === 'CONNECT';
  if (!isApi && !unrepresentable) return null;
  const allowed = isApi ? allowedMethods(pathname) : PAGE_METHODS;
  if (!allowed) {
    if (!unrepresentable) return null;
    return {
      status: 404,
      headers: {},
      body: { error: { code: 'not_found', message: 'No API route at this path' } },
    };
  }
  if (allowed.includes(upper)) return null;
  return {
    status: 405,
    headers: { Allow: allowed.join(', ') },
    body: {
      error: {
        code: 'method_not_allowed',
        message: `${upper} is not allowed here; use ${allowed.join(', ')}`,
      },
    },
  };
}

function answer(res: ServerResponse, a: GuardAnswer): void {
  const body = JSON.stringify(a.body);
  res.writeHead(a.status, {
    ...a.headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'x-request-id': randomUUID(),
  });
  res.end(body);
}

const g = globalThis as typeof globalThis & { __trailroomMethodGuard?: boolean };

/**
 * Puts the guard in front of every HTTP server of this process (Next's
 * included, whenever it was created): a `request` event whose method the
 * route does not implement is answered here and never reaches Next.js, and
 * every other request is stamped with its socket's peer address (rate
 * limits key on it when no proxy is trusted; see client-ip.ts).
 * Called once from instrumentation.ts (Node.js runtime).
 */
export function installMethodGuard(): void {
  if (g.__trailroomMethodGuard) return;
  g.__trailroomMethodGuard = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function guardedEmit(
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      stampPeerAddress(req);
      const a = unsupportedMethodAnswer(req.method ?? 'GET', req.url ?? '/');
      if (a) {
        answer(res, a);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };
}
