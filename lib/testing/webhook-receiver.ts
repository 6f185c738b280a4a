import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests (never imported by
 * product code). Each request is recorded with its headers and body and, when
 * the test gave the endpoint's secret, verified with the Standard Webhooks
 * library — exactly what a customer's receiver does.
 */
export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The verified payload, or the verification error's message. */
  verified: unknown;
  verifyError?: string;
}

export interface Receiver {
  url: (path?: string) => string;
  received: ReceivedWebhook[];
  /** The endpoint secret per path, set once the endpoint exists. */
  secrets: Map<string, string>;
  /** Decides the answer per request (default: 200 "ok"). */
  respond: (
    req: ReceivedWebhook,
    index: number,
  ) => { status: number; body?: string; delayMs?: number };
  close: () => Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: Receiver = {
    url: () => '',
    received,
    secrets: new Map(),
    respond: () => ({ status: 200, body: 'ok' }),
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(',') : (v ?? ''),
        ]),
      );
      const path = req.url ?? '/';
      const entry: ReceivedWebhook = { path, headers, body, verified: null };
      const secret = receiver.secrets.get(path);
      if (secret) {
        try {
          entry.verified = new Webhook(secret).verify(body, headers);
        } catch (err) {
          entry.verifyError = err instanceof Error ? err.message : String(err);
        }
      }
      received.push(entry);
      const answer = receiver.respond(entry, received.length - 1);
      const send = () =>
        res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = (path = '/hook') => `http://127.0.0.1:${port}${path}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
