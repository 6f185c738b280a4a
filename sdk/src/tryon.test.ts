import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTrailRoom } from './client';
import { TrailRoomError } from './errors';
import type { TryonJob } from './tryon';

/** A local HTTP server that answers each request with the next scripted reply and records it. */
interface Seen {
  at: number;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const servers: Array<{ close(): void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(replies: Reply[] | ((n: number) => Reply)) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        at: performance.now(),
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const n = seen.length - 1;
      const reply = typeof replies === 'function' ? replies(n) : replies[n];
      if (!reply) throw new Error(`no reply scripted for request ${n}`);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status, {
        'content-type': typeof reply.body === 'string' ? 'text/html' : 'application/json',
        'x-request-id': `req-${n}`,
        ...reply.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const client = createTrailRoom({ apiKey: 'tr_live_test', baseUrl: `http://127.0.0.1:${port}` });
  return { client, seen, gaps: () => seen.slice(1).map((s, i) => s.at - seen[i]!.at) };
}

const job = (status: TryonJob['status']): TryonJob => ({
  id: 'job1',
  status,
  mode: 'top',
  credits_used: 1,
  source: 'api',
  favorite: false,
  livemode: true,
  samples: 1,
  outputs: [],
  samples_failed: 0,
  retry_count: 0,
  created_at: '2026-12-01T00:00:00.000Z',
});

describe('tryon.wait()', () => {
  it('polls with a growing pause until the job is terminal', async () => {
    const { client, seen, gaps } = await serve([
      { status: 200, body: job('queued') },
      { status: 200, body: job('processing') },
      { status: 200, body: job('processing') },
      { status: 200, body: job('completed') },
    ]);
    const polled: string[] = [];
    const done = await client.tryon.wait('job1', {
      intervalMs: 60,
      factor: 2,
      onPoll: (j) => polled.push(j.status),
    });
    expect(done.status).toBe('completed');
    expect(polled).toEqual(['queued', 'processing', 'processing', 'completed']);
    expect(seen.every((s) => s.method === 'GET' && s.url === '/api/v1/tryon/job1')).toBe(true);
    expect(seen[0]!.headers['x-api-key']).toBe('tr_live_test');
    const [a, b, c] = gaps() as [number, number, number];
    // 60, 120, 240 ms (timers may fire late, never early)
    expect(a).toBeGreaterThanOrEqual(55);
    expect(b).toBeGreaterThanOrEqual(115);
    expect(c).toBeGreaterThanOrEqual(235);
    expect(c).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(a);
  });

  it('caps the pause at maxIntervalMs', async () => {
    const { client, gaps } = await serve((n) => ({
      status: 200,
      body: job(n < 4 ? 'queued' : 'failed'),
    }));
    const done = await client.tryon.wait('job1', { intervalMs: 50, factor: 10, maxIntervalMs: 80 });
    expect(done.status).toBe('failed');
    const g = gaps();
    expect(g).toHaveLength(4);
    // 50, then 80 each time (500 and more are capped)
    for (const gap of g.slice(1)) expect(gap).toBeLessThan(400);
  });

  it('waits Retry-After seconds after a 429 and carries on', async () => {
    const { client, gaps } = await serve([
      {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error: { code: 'rate_limited', message: 'Too many requests' } },
      },
      { status: 200, body: job('completed') },
    ]);
    const done = await client.tryon.wait('job1', { intervalMs: 10 });
    expect(done.status).toBe('completed');
    expect(gaps()[0]).toBeGreaterThanOrEqual(990);
  });

  it('honours a Retry-After on a job that is still running', async () => {
    const { client, gaps } = await serve([
      { status: 200, headers: { 'retry-after': '1' }, body: job('processing') },
      { status: 200, body: job('completed') },
    ]);
    await client.tryon.wait('job1', { intervalMs: 10 });
    expect(gaps()[0]).toBeGreaterThanOrEqual(990);
  });

  it('gives up with TrailRoomError timeout', async () => {
    const { client, seen } = await serve(() => ({ status: 200, body: job('queued') }));
    const err = await client.tryon
      .wait('job1', { intervalMs: 40, factor: 1, timeoutMs: 200 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrailRoomError);
    expect(err).toMatchObject({ code: 'timeout', status: 0 });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThanOrEqual(6);
  });

  it('throws the envelope of an error that retrying cannot fix', async () => {
    const { client, seen } = await serve([
      { status: 404, body: { error: { code: 'not_found', message: 'No such try-on job' } } },
    ]);
    const err = await client.tryon.wait('job1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrailRoomError);
    expect(err).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'No such try-on job',
      requestId: 'req-0',
    });
    expect(seen).toHaveLength(1);
  });
});

describe('tryon.create() and errors', () => {
  it('sends files as base64 (a data: URI for a typed Blob), the mode and the idempotency key', async () => {
    const { client, seen } = await serve([{ status: 202, body: job('queued') }]);
    const created = await client.tryon.create({
      userImage: Buffer.from('person-bytes'),
      topImage: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
      bottomImage: 'https://example.com/trousers.jpg',
      idempotencyKey: 'order-42',
    });
    expect(created.id).toBe('job1');
    const req = seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/v1/tryon');
    expect(req.headers['idempotency-key']).toBe('order-42');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(req.body)).toEqual({
      mode: 'full',
      user_image: Buffer.from('person-bytes').toString('base64'),
      top_image: 'data:image/png;base64,AQID',
      bottom_image: 'https://example.com/trousers.jpg',
    });
  });

  it('sends a one-piece with samples and seed', async () => {
    const { client, seen } = await serve([{ status: 202, body: job('queued') }]);
    await client.tryon.create({
      mode: 'one_piece',
      userImage: 'https://example.com/me.jpg',
      topImage: 'https://example.com/dress.jpg',
      samples: 3,
      seed: 42,
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      mode: 'one_piece',
      user_image: 'https://example.com/me.jpg',
      top_image: 'https://example.com/dress.jpg',
      samples: 3,
      seed: 42,
    });
  });

  it('reports a non-envelope answer as unexpected_response and no answer as network_error', async () => {
    const { client } = await serve([{ status: 500, body: '<html>oops</html>' }]);
    await expect(client.tryon.get('job1')).rejects.toMatchObject({
      code: 'unexpected_response',
      status: 500,
      details: '<html>oops</html>',
    });
    const offline = createTrailRoom({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });
    await expect(offline.tryon.get('job1')).rejects.toMatchObject({
      name: 'TrailRoomError',
      code: 'network_error',
      status: 0,
    });
  });
});
