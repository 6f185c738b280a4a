import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureStripeMock } from '../../tools/launchers/local-tools.mjs';
import { freePort, waitForPort } from '../../tools/launchers/ports.mjs';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** The form body, decoded: `line_items[0][price_data][unit_amount]` → '3780'. */
  params: Record<string, string>;
}

export interface StripeMock {
  /** Base URL for STRIPE_API_URL (a recording proxy in front of stripe-mock). */
  url: string;
  requests: RecordedStripeRequest[];
  stop(): Promise<void>;
}

/**
 * Starts stripe-mock (Stripe's API emulator, built from the Go module proxy
 * by tools/launchers/local-tools.mjs) on a free port, behind a small proxy that records
 * what the SDK sent. Throws — failing the test file loudly, never skipping —
 * when it cannot be built or does not come up.
 */
export async function startStripeMock(): Promise<StripeMock> {
  const bin = ensureStripeMock() as string;
  const port = (await freePort()) as number;
  // It also listens for HTTPS, on :12112 unless told otherwise: a system-chosen port lets
  // several stripe-mocks (test files, other checkouts) run at once.
  const child: ChildProcess = spawn(
    bin,
    ['-http-addr', `127.0.0.1:${port}`, '-https-addr', '127.0.0.1:'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  try {
    await waitForPort(port, { timeoutMs: 20_000, child });
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`stripe-mock did not start: ${(err as Error).message}\n${stderr}`);
  }

  const requests: RecordedStripeRequest[] = [];
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const form = new URLSearchParams(req.method === 'GET' ? url.search : body.toString());
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
        params: Object.fromEntries(form.entries()),
      });
      const upstream = http.request(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${proxyPort}`,
    requests,
    async stop() {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      child.kill('SIGTERM');
    },
  };
}
