import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installMethodGuard, unsupportedMethodAnswer } from './method-guard';

describe('unsupportedMethodAnswer', () => {
  it('answers TRACE on an API route with 405, Allow and the envelope', () => {
    expect(unsupportedMethodAnswer('TRACE', '/api/v1/credits?x=1')).toEqual({
      status: 405,
      headers: { Allow: 'GET, HEAD, OPTIONS' },
      body: {
        error: {
          code: 'method_not_allowed',
          message: 'TRACE is not allowed here; use GET, HEAD, OPTIONS',
        },
      },
    });
  });

  it('answers methods a route does not export, and lets the others through', () => {
    expect(unsupportedMethodAnswer('PUT', '/api/v1/tryon')).toMatchObject({
      status: 405,
      headers: { Allow: 'GET, HEAD, OPTIONS, POST' },
    });
    expect(unsupportedMethodAnswer('POST', '/api/v1/tryon')).toBeNull();
    expect(unsupportedMethodAnswer('HEAD', '/api/v1/credits')).toBeNull();
    expect(unsupportedMethodAnswer('OPTIONS', '/api/v1/credits')).toBeNull();
  });

  it('leaves pages and unknown API paths to Next, except for TRACE', () => {
    expect(unsupportedMethodAnswer('POST', '/studio')).toBeNull();
    expect(unsupportedMethodAnswer('PUT', '/api/v1/nope')).toBeNull();
    expect(unsupportedMethodAnswer('TRACE', '/api/v1/nope')).toMatchObject({ status: 404 });
    expect(unsupportedMethodAnswer('TRACE', '/studio')).toMatchObject({
      status: 405,
      headers: { Allow: 'GET, HEAD' },
    });
  });
});

describe('installMethodGuard', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    installMethodGuard();
    // Stands in for Next.js, which turns TRACE into a 500 (new Request throws).
    server = createServer((req, res) => {
      try {
        new Request('http://x/', { method: req.method });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('next');
      } catch {
        res.writeHead(500).end('Internal Server Error');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // fetch cannot send TRACE: a raw HTTP request.
  const send = (method: string, path: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('answers TRACE before the application sees it', async () => {
    const res = await send('TRACE', '/api/v1/tryon/abc');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('DELETE, GET, HEAD, OPTIONS, PATCH');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('passes supported methods through', async () => {
    expect(await send('GET', '/api/v1/tryon/abc')).toMatchObject({ status: 200, body: 'next' });
  });
});
