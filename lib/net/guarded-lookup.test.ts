import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { guardedLookup } from './guarded-lookup';

let server: http.Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits++;
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function get(lookup: ReturnType<typeof guardedLookup>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: 'localhost', port, path: '/', agent: false, lookup }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}

describe('guardedLookup (inside the socket)', () => {
  it('refuses a host resolving to loopback before connecting', async () => {
    const before = hits;
    const err = await get(guardedLookup({})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_url');
    expect(hits).toBe(before);
  });

  it('connects when the policy allows loopback', async () => {
    expect(await get(guardedLookup({ allowLoopback: true }, { loopbackOnly: true }))).toBe('ok');
  });
});
