import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { getBalance } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import { TryonJob } from '@/models/tryon-job';
import {
  createApiKeyFor,
  createQueuedJob,
  createUser,
  makeImage,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';
import { GET as listRoute, POST } from './route';
import { DELETE, GET as getRoute, PATCH } from './[id]/route';
import { GET as imageRoute } from './[id]/image/route';

// Route-level tests: the exported handlers with real Request objects and a
// real API key, against the real database.

const BASE = 'http://localhost/api/v1/tryon';
const none = { params: Promise.resolve({}) } as never;
const withId = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

let person: string;
let garment: string;

async function caller() {
  const userId = await createUser();
  const { key, apiKeyId } = await createApiKeyFor(userId);
  return { userId, key, apiKeyId };
}

function postJson(key: string, body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new NextRequest(BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    none,
  );
}

async function errorCode(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error.code;
}

beforeAll(async () => {
  await seedPrompts();
  person = (await makeImage('#c8a27a')).toString('base64');
  garment = `data:image/png;base64,${(await makeImage('#1f6feb')).toString('base64')}`;
});

describe('POST /api/v1/tryon', () => {
  it('answers 202 with the public snake_case job for an API key, recorded as source api', async () => {
    const c = await caller();
    const res = await postJson(c.key, { mode: 'top', user_image: person, top_image: garment });
    expect(res.status).toBe(202);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const job = (await res.json()) as Record<string, unknown>;
    expect(job).toMatchObject({
      status: 'queued',
      mode: 'top',
      credits_used: 1,
      source: 'api',
      favorite: false,
    });
    expect(typeof job.id).toBe('string');
    expect(typeof job.created_at).toBe('string');
    expect(res.headers.get('location')).toBe(`/api/v1/tryon/${String(job.id)}`);
    const doc = await TryonJob.findById(job.id).lean();
    expect(doc?.source?.apiKeyId?.toString()).toBe(c.apiKeyId);
    await drainInline();
    const read = await getRoute(
      new NextRequest(`${BASE}/${String(job.id)}`, { headers: { 'x-api-key': c.key } }),
      withId(String(job.id)),
    );
    const done = (await read.json()) as Record<string, unknown>;
    expect(done).toMatchObject({ status: 'completed', provider: 'local' });
    expect(String(done.output_image_url)).toMatch(
      new RegExp(`/api/v1/tryon/${String(job.id)}/image$`),
    );
    const image = await imageRoute(
      new NextRequest(`${BASE}/${String(job.id)}/image`, { headers: { 'x-api-key': c.key } }),
      withId(String(job.id)),
    );
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
  });

  it('replays an Idempotency-Key (same job, one charge) and refuses it with another body (409)', async () => {
    const c = await caller();
    const body = { mode: 'top', user_image: person, top_image: garment };
    const a = await postJson(c.key, body, { 'idempotency-key': 'abc-123' });
    const b = await postJson(c.key, body, { 'idempotency-key': 'abc-123' });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(((await b.json()) as { id: string }).id).toBe(((await a.json()) as { id: string }).id);
    const c2 = await postJson(
      c.key,
      { ...body, mode: 'full', bottom_image: garment },
      { 'idempotency-key': 'abc-123' },
    );
    expect(c2.status).toBe(409);
    expect(await errorCode(c2)).toBe('idempotency_conflict');
    expect((await getBalance(c.userId)).total).toBe(2);
    const bad = await postJson(c.key, body, { 'idempotency-key': 'has spaces' });
    expect(bad.status).toBe(400);
    await drainInline();
  });

  it('answers 402 insufficient_credits and charges nothing', async () => {
    const c = await caller();
    expect(
      (
        await postJson(c.key, {
          mode: 'full',
          user_image: person,
          top_image: garment,
          bottom_image: garment,
        })
      ).status,
    ).toBe(202);
    const res = await postJson(c.key, {
      mode: 'full',
      user_image: person,
      top_image: garment,
      bottom_image: person,
    });
    expect(res.status).toBe(402);
    expect(await errorCode(res)).toBe('insufficient_credits');
    expect((await getBalance(c.userId)).total).toBe(1);
    expect(await TryonJob.countDocuments({ userId: c.userId })).toBe(1);
    await drainInline();
  });

  it('maps bad requests to precise codes and statuses', async () => {
    const c = await caller();
    const tiny = (
      await sharp({ create: { width: 100, height: 100, channels: 3, background: '#888' } })
        .png()
        .toBuffer()
    ).toString('base64');
    const png = await makeImage('#123456');
    const truncated = png.subarray(0, Math.floor(png.byteLength / 2)).toString('base64');
    const cases: Array<[string, unknown, number, string]> = [
      ['malformed JSON', '{"mode":', 400, 'invalid_json'],
      ['missing mode', { user_image: person, top_image: garment }, 400, 'validation_error'],
      [
        'full without bottom',
        { mode: 'full', user_image: person, top_image: garment },
        400,
        'validation_error',
      ],
      [
        'top with bottom',
        { mode: 'top', user_image: person, top_image: garment, bottom_image: garment },
        400,
        'validation_error',
      ],
      [
        'unknown field',
        { mode: 'top', user_image: person, top_image: garment, extra: 1 },
        400,
        'validation_error',
      ],
      [
        'not base64',
        { mode: 'top', user_image: '%%%not-base64%%%', top_image: garment },
        400,
        'invalid_image_encoding',
      ],
      [
        'not an image',
        {
          mode: 'top',
          user_image: Buffer.from('hello world, plain text').toString('base64'),
          top_image: garment,
        },
        415,
        'unsupported_image_type',
      ],
      [
        'truncated image',
        { mode: 'top', user_image: truncated, top_image: garment },
        422,
        'image_corrupt',
      ],
      ['too small', { mode: 'top', user_image: tiny, top_image: garment }, 422, 'image_too_small'],
      [
        'plain http URL',
        { mode: 'top', user_image: 'http://127.0.0.1/me.png', top_image: garment },
        422,
        'invalid_url',
      ],
      [
        'over 10 MB',
        {
          mode: 'top',
          user_image: Buffer.alloc(11 * 1024 * 1024, 1).toString('base64'),
          top_image: garment,
        },
        413,
        'image_too_large',
      ],
    ];
    for (const [name, body, status, code] of cases) {
      const res = await postJson(c.key, body);
      expect({ name, status: res.status, code: await errorCode(res) }).toEqual({
        name,
        status,
        code,
      });
    }
    expect(await TryonJob.countDocuments({ userId: c.userId })).toBe(0);
    expect((await getBalance(c.userId)).total).toBe(3);
  });

  it('answers 415 for other content types and 413 for oversized bodies (declared or streamed)', async () => {
    const c = await caller();
    const text = await POST(
      new NextRequest(BASE, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-api-key': c.key },
        body: 'mode=top',
      }),
      none,
    );
    expect(text.status).toBe(415);
    expect(await errorCode(text)).toBe('unsupported_media_type');

    const declared = await POST(
      new NextRequest(BASE, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(100 * 1024 * 1024),
          'x-api-key': c.key,
        },
        body: '{}',
      }),
      none,
    );
    expect(declared.status).toBe(413);
    expect(await errorCode(declared)).toBe('payload_too_large');

    // No Content-Length: the reader stops at the cap.
    const chunk = new Uint8Array(1024 * 1024).fill(65);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const streamed = await POST(
      new NextRequest(BASE, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-api-key': c.key },
        body: stream,
        duplex: 'half',
      } as never),
      none,
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(40);
  });

  it('accepts the studio multipart form and refuses a text field where a file belongs', async () => {
    const c = await caller();
    const form = new FormData();
    form.set('mode', 'top');
    form.set(
      'user_image',
      new Blob([new Uint8Array(await makeImage('#c8a27a', { format: 'jpeg' }))], {
        type: 'image/jpeg',
      }),
      'me.jpg',
    );
    form.set(
      'top_image',
      new Blob([new Uint8Array(await makeImage('#1f6feb'))], { type: 'image/png' }),
      'top.png',
    );
    const ok = await POST(
      new NextRequest(BASE, { method: 'POST', headers: { 'x-api-key': c.key }, body: form }),
      none,
    );
    expect(ok.status).toBe(202);
    const bad = new FormData();
    bad.set('mode', 'top');
    bad.set('user_image', person);
    bad.set(
      'top_image',
      new Blob([new Uint8Array(await makeImage('#1f6feb'))], { type: 'image/png' }),
      'top.png',
    );
    const refused = await POST(
      new NextRequest(BASE, { method: 'POST', headers: { 'x-api-key': c.key }, body: bad }),
      none,
    );
    expect(refused.status).toBe(400);
    const broken = new FormData();
    broken.set('mode', 'top');
    broken.set('user_image', new Blob([new Uint8Array([1, 2, 3, 4, 5])]), 'x.jpg');
    broken.set(
      'top_image',
      new Blob([new Uint8Array(await makeImage('#1f6feb'))], { type: 'image/png' }),
      'top.png',
    );
    const brokenRes = await POST(
      new NextRequest(BASE, { method: 'POST', headers: { 'x-api-key': c.key }, body: broken }),
      none,
    );
    expect(brokenRes.status).toBe(415);
    await drainInline();
  });

  it('answers 401 without credentials', async () => {
    const res = await POST(
      new NextRequest(BASE, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      none,
    );
    expect(res.status).toBe(401);
  });
});

describe('GET/PATCH/DELETE /api/v1/tryon/{id}', () => {
  it("another user's id is 404 on every route; a malformed id too", async () => {
    const owner = await caller();
    const other = await caller();
    const job = await createQueuedJob(owner.userId);
    const id = job._id.toString();
    const h = { 'x-api-key': other.key };
    expect(
      (await getRoute(new NextRequest(`${BASE}/${id}`, { headers: h }), withId(id))).status,
    ).toBe(404);
    expect(
      (await imageRoute(new NextRequest(`${BASE}/${id}/image`, { headers: h }), withId(id))).status,
    ).toBe(404);
    expect(
      (await DELETE(new NextRequest(`${BASE}/${id}`, { method: 'DELETE', headers: h }), withId(id)))
        .status,
    ).toBe(404);
    const patch = await PATCH(
      new NextRequest(`${BASE}/${id}`, {
        method: 'PATCH',
        headers: { ...h, 'content-type': 'application/json' },
        body: '{"favorite":true}',
      }),
      withId(id),
    );
    expect(patch.status).toBe(404);
    expect(
      (await getRoute(new NextRequest(`${BASE}/nope`, { headers: h }), withId('nope'))).status,
    ).toBe(404);
    expect((await TryonJob.findById(id).lean())?.status).toBe('queued');
  });

  it('image is 409 while queued; PATCH sets favourite; DELETE cancels + refunds a queued job', async () => {
    const c = await caller();
    const job = await createQueuedJob(c.userId);
    const id = job._id.toString();
    const h = { 'x-api-key': c.key };
    const image = await imageRoute(
      new NextRequest(`${BASE}/${id}/image`, { headers: h }),
      withId(id),
    );
    expect(image.status).toBe(409);
    expect(await errorCode(image)).toBe('invalid_state');

    const patch = await PATCH(
      new NextRequest(`${BASE}/${id}`, {
        method: 'PATCH',
        headers: { ...h, 'content-type': 'application/json' },
        body: '{"favorite":true}',
      }),
      withId(id),
    );
    expect(((await patch.json()) as { favorite: boolean }).favorite).toBe(true);
    const badPatch = await PATCH(
      new NextRequest(`${BASE}/${id}`, {
        method: 'PATCH',
        headers: { ...h, 'content-type': 'application/json' },
        body: '{"favorite":"yes"}',
      }),
      withId(id),
    );
    expect(badPatch.status).toBe(400);

    const del = await DELETE(
      new NextRequest(`${BASE}/${id}`, { method: 'DELETE', headers: h }),
      withId(id),
    );
    expect(await del.json()).toEqual({ id, result: 'canceled', credits_refunded: 1 });
    expect((await getBalance(c.userId)).total).toBe(3);

    const processing = await createQueuedJob(c.userId, {
      status: 'processing',
      startedAt: new Date(),
    });
    const pid = processing._id.toString();
    const refused = await DELETE(
      new NextRequest(`${BASE}/${pid}`, { method: 'DELETE', headers: h }),
      withId(pid),
    );
    expect(refused.status).toBe(409);
  });

  it('GET /api/v1/tryon lists with filters and validates them', async () => {
    const c = await caller();
    await createQueuedJob(c.userId, { status: 'completed' });
    await createQueuedJob(c.userId, { status: 'failed', mode: 'full' });
    const h = { 'x-api-key': c.key };
    const all = (await (
      await listRoute(new NextRequest(`${BASE}?limit=1`, { headers: h }), none)
    ).json()) as {
      data: unknown[];
      total: number;
      has_more: boolean;
    };
    expect(all).toMatchObject({ total: 2, has_more: true, page: 1, limit: 1 });
    expect(all.data).toHaveLength(1);
    const failed = (await (
      await listRoute(new NextRequest(`${BASE}?status=failed`, { headers: h }), none)
    ).json()) as { data: Array<{ mode: string }> };
    expect(failed.data.map((j) => j.mode)).toEqual(['full']);
    expect(
      (await listRoute(new NextRequest(`${BASE}?status=bogus`, { headers: h }), none)).status,
    ).toBe(400);
    expect(
      (await listRoute(new NextRequest(`${BASE}?limit=1000`, { headers: h }), none)).status,
    ).toBe(400);
  });
});
