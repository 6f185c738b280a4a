import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { fetchImageUrl } from './fetch-image-url';
import { readImageInput } from './read-image-input';
import { solid } from '@/lib/testing/image-fixtures';

/**
 * A real HTTP server on 127.0.0.1 serves the fetch path. Refused targets
 * (private, metadata, …) are refused before any connection is attempted,
 * which the hit counter proves for the loopback cases.
 */
let server: http.Server;
let base: string;
let png: Buffer;
const hits: string[] = [];
const sockets = new Set<import('node:net').Socket>();

beforeAll(async () => {
  png = await solid(300, 300, '#00aa55');
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    switch (req.url) {
      case '/ok.png':
        return send(
          200,
          { 'content-type': 'image/png', 'content-length': String(png.byteLength) },
          png,
        );
      case '/octet':
        return send(200, { 'content-type': 'application/octet-stream' }, png);
      case '/big-declared':
        res.writeHead(200, {
          'content-type': 'image/jpeg',
          'content-length': String(3 * 1024 * 1024),
        });
        return res.write(Buffer.alloc(1024)); // never finishes; the declared length alone refuses it
      case '/big-chunked': {
        res.writeHead(200, { 'content-type': 'image/jpeg' }); // no length: counted while streaming
        const chunk = Buffer.alloc(64 * 1024, 7);
        let sent = 0;
        const pump = () => {
          while (sent < 3 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.byteLength;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      case '/hang':
        return; // never answers
      case '/drip':
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(png.subarray(0, 10));
        return; // headers fast, body never completes
      case '/html':
        return send(200, { 'content-type': 'text/html' }, '<html></html>');
      case '/missing':
        return send(404, { 'content-type': 'text/plain' }, 'nope');
      case '/redirect-ok':
        return send(302, { location: '/ok.png' });
      case '/redirect-private':
        return send(302, { location: 'http://10.0.0.5/x.png' });
      case '/redirect-metadata':
        return send(301, { location: 'http://169.254.169.254/latest/meta-data/' });
      case '/redirect-ipv6-local':
        return send(307, { location: 'http://[fc00::5]/x.png' });
      case '/redirect-ftp':
        return send(302, { location: 'ftp://127.0.0.1/x.png' });
      case '/loop':
        return send(302, { location: '/loop' });
      default:
        return send(500, {}, 'unexpected');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local = { allowLoopback: true, timeoutMs: 10_000 };

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('fetchImageUrl: the happy path', () => {
  it('downloads an image from a loopback server when loopback is allowed', async () => {
    const data = await fetchImageUrl(`${base}/ok.png`, local);
    expect(data.equals(png)).toBe(true);
  });

  it('resolves a host name through the guarded lookup', async () => {
    const port = (server.address() as AddressInfo).port;
    const data = await fetchImageUrl(`http://localhost:${port}/ok.png`, local);
    expect(data.equals(png)).toBe(true);
  });

  it('follows a redirect to an allowed address', async () => {
    expect((await fetchImageUrl(`${base}/redirect-ok`, local)).equals(png)).toBe(true);
  });

  it('accepts application/octet-stream (the bytes are sniffed by normalizeImage)', async () => {
    expect((await fetchImageUrl(`${base}/octet`, local)).equals(png)).toBe(true);
  });

  it('readImageInput dispatches URLs to the fetcher and the rest to the decoder', async () => {
    expect((await readImageInput(`${base}/ok.png`, local)).equals(png)).toBe(true);
    expect(
      (await readImageInput(`data:image/png;base64,${png.toString('base64')}`)).equals(png),
    ).toBe(true);
  });
});

describe('fetchImageUrl: SSRF guard', () => {
  it('refuses loopback when not allowed, without connecting', async () => {
    const port = (server.address() as AddressInfo).port;
    const before = hits.length;
    for (const url of [
      `${base}/ok.png`,
      `https://127.0.0.1:${port}/ok.png`,
      `https://localhost:${port}/ok.png`,
      `https://[::1]:${port}/ok.png`,
      `https://[::ffff:127.0.0.1]:${port}/ok.png`,
      // Numeric spellings the URL parser normalises to 127.0.0.1.
      `https://2130706433:${port}/ok.png`,
      `https://0x7f000001:${port}/ok.png`,
      `https://0177.0.0.1:${port}/ok.png`,
    ]) {
      const err = await failure(fetchImageUrl(url, { allowLoopback: false, timeoutMs: 2000 }));
      expect(err.code, url).toBe('invalid_url');
    }
    expect(hits.length).toBe(before);
  });

  it('refuses private, link-local, metadata, unique-local and mapped addresses even with loopback allowed', async () => {
    for (const url of [
      'https://10.0.0.1/a.png',
      'https://192.168.1.20/a.png',
      'https://172.20.0.1/a.png',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fe80::1]/a.png',
      'https://[fc00::1]/a.png',
      'https://[fd00:ec2::254]/a.png',
      'https://[::ffff:169.254.169.254]/a.png',
      'https://[::ffff:a00:1]/a.png',
      'https://0.0.0.0/a.png',
      // A numeric spelling the URL parser normalises to 169.254.169.254.
      'https://2852039166/latest/meta-data/',
    ]) {
      const err = await failure(fetchImageUrl(url, local));
      expect(err.code, url).toBe('invalid_url');
    }
  });

  it('refuses a redirect to a private or metadata address, or to another scheme', async () => {
    for (const path of [
      '/redirect-private',
      '/redirect-metadata',
      '/redirect-ipv6-local',
      '/redirect-ftp',
    ]) {
      const err = await failure(fetchImageUrl(`${base}${path}`, local));
      expect(err.code, path).toBe('invalid_url');
    }
  });

  it('refuses malformed URLs, other schemes, credentials, and plain http to a non-loopback host', async () => {
    for (const url of [
      'not a url',
      'ftp://127.0.0.1/a.png',
      'file:///etc/passwd',
      `http://user:pw@127.0.0.1/a.png`,
      'http://example.com/a.png',
    ]) {
      const err = await failure(fetchImageUrl(url, local));
      expect(err.code, url).toBe('invalid_url');
    }
    // Without the development flag, http is refused outright (https only).
    expect(
      (await failure(fetchImageUrl('http://example.com/a.png', { allowLoopback: false }))).code,
    ).toBe('invalid_url');
  });
});

describe('fetchImageUrl: limits and failures', () => {
  it('refuses a declared length over the cap', async () => {
    const err = await failure(
      fetchImageUrl(`${base}/big-declared`, { ...local, maxBytes: 1024 * 1024 }),
    );
    expect(err.code).toBe('image_too_large');
  });

  it('stops a body without a length as soon as it passes the cap', async () => {
    const err = await failure(
      fetchImageUrl(`${base}/big-chunked`, { ...local, maxBytes: 1024 * 1024 }),
    );
    expect(err.code).toBe('image_too_large');
    expect(err.status).toBe(413);
  });

  it('gives up on a server that never answers, within the deadline', async () => {
    const started = Date.now();
    const err = await failure(fetchImageUrl(`${base}/hang`, { ...local, timeoutMs: 300 }));
    expect(err.code).toBe('image_fetch_failed');
    expect(err.message).toMatch(/300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the deadline covers a body that never completes', async () => {
    const err = await failure(fetchImageUrl(`${base}/drip`, { ...local, timeoutMs: 300 }));
    expect(err.code).toBe('image_fetch_failed');
  });

  it('honours the caller’s abort signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(
      fetchImageUrl(`${base}/hang`, { ...local, timeoutMs: 5000, signal: controller.signal }),
    );
    expect(err.code).toBe('image_fetch_failed');
    expect(err.message).toMatch(/canceled/);
  });

  it('refuses a non-image content type', async () => {
    expect((await failure(fetchImageUrl(`${base}/html`, local))).code).toBe(
      'unsupported_image_type',
    );
  });

  it('reports an HTTP error status', async () => {
    const err = await failure(fetchImageUrl(`${base}/missing`, local));
    expect(err.code).toBe('image_fetch_failed');
    expect(err.details).toEqual({ status: 404 });
  });

  it('stops after too many redirects', async () => {
    const err = await failure(fetchImageUrl(`${base}/loop`, local));
    expect(err.code).toBe('image_fetch_failed');
    expect(err.message).toMatch(/redirected/);
  });

  it('reports a refused connection as image_fetch_failed', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const err = await failure(fetchImageUrl(`http://127.0.0.1:${port}/a.png`, local));
    expect(err.code).toBe('image_fetch_failed');
  });
});
