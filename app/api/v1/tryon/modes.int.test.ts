import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { getBalance } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import {
  createApiKeyFor,
  createUser,
  givePaidCredits,
  makeImage,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';
import { POST } from './route';
import { GET as getRoute, PATCH } from './[id]/route';
import { GET as imageRoute } from './[id]/image/route';

// The public API with one-piece garments and several results: the exported handlers with
// real requests and a real API key, against the real database (local compositor).

const BASE = 'http://localhost/api/v1/tryon';
const none = { params: Promise.resolve({}) } as never;
const withId = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

let person: string;
let dress: string;

function post(key: string, body: unknown) {
  return POST(
    new NextRequest(BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(body),
    }),
    none,
  );
}

beforeAll(async () => {
  await seedPrompts();
  person = (await makeImage('#c8a27a')).toString('base64');
  dress = `data:image/png;base64,${(await makeImage('#b3245f')).toString('base64')}`;
});

describe('POST /api/v1/tryon: one_piece, samples, seed', () => {
  it('a one-piece of 2 samples costs 2 × 2 credits and reads back with both outputs, each served on its own', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 10);
    const { key } = await createApiKeyFor(userId);
    const before = (await getBalance(userId)).total;
    const res = await post(key, {
      mode: 'one_piece',
      user_image: person,
      top_image: dress,
      samples: 2,
      seed: 5,
    });
    expect(res.status).toBe(202);
    const created = (await res.json()) as Record<string, unknown>;
    expect(created).toMatchObject({
      mode: 'one_piece',
      credits_used: 4,
      samples: 2,
      seed: 5,
      outputs: [],
    });
    expect((await getBalance(userId)).total).toBe(before - 4);

    await drainInline();
    const id = String(created.id);
    const read = await getRoute(
      new NextRequest(`${BASE}/${id}`, { headers: { 'x-api-key': key } }),
      withId(id),
    );
    const job = (await read.json()) as {
      status: string;
      prompt_version: number;
      output_image_url: string;
      outputs: Array<{ sample: number; url: string; seed: number; favorite: boolean }>;
      samples_failed: number;
    };
    expect(job.status).toBe('completed');
    expect(job.prompt_version).toBe(1);
    expect(job.samples_failed).toBe(0);
    expect(job.outputs.map((o) => [o.sample, o.seed])).toEqual([
      [1, 5],
      [2, 6],
    ]);
    expect(job.outputs[1]!.url).toMatch(/\/image\?output=2$/);
    expect(job.output_image_url).toMatch(/\/image$/);

    const image = (q: string) =>
      imageRoute(
        new NextRequest(`${BASE}/${id}/image${q}`, { headers: { 'x-api-key': key } }),
        withId(id),
      );
    const [first, second, missing] = await Promise.all([
      image('?output=1'),
      image('?output=2&download=1'),
      image('?output=3'),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-disposition')).toContain(`trailroom-${id}-2.webp`);
    expect(first.headers.get('etag')).not.toBe(second.headers.get('etag'));
    expect(missing.status).toBe(404);
    expect((await image('?output=9')).status).toBe(400);

    // A favourite per result.
    const fav = await PATCH(
      new NextRequest(`${BASE}/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ favorite: true, output: 2 }),
      }),
      withId(id),
    );
    expect(fav.status).toBe(200);
    const faved = (await fav.json()) as {
      favorite: boolean;
      outputs: Array<{ favorite: boolean }>;
    };
    expect(faved.favorite).toBe(true);
    expect(faved.outputs.map((o) => o.favorite)).toEqual([false, true]);
  });

  it('refuses a bottom image for a one-piece, and samples outside 1–4 or a negative seed (400)', async () => {
    const userId = await createUser();
    const { key } = await createApiKeyFor(userId);
    const cases = [
      { mode: 'one_piece', user_image: person, top_image: dress, bottom_image: dress },
      { mode: 'top', user_image: person, top_image: dress, samples: 5 },
      { mode: 'top', user_image: person, top_image: dress, samples: 0 },
      { mode: 'top', user_image: person, top_image: dress, seed: -1 },
    ];
    for (const body of cases) {
      const res = await post(key, body);
      expect(res.status, JSON.stringify(Object.keys(body))).toBe(400);
      const err = (await res.json()) as { error: { code: string } };
      expect(err.error.code).toBe('validation_error');
    }
    // Nothing was charged.
    expect((await getBalance(userId)).total).toBe(3);
  });

  it('answers 402 when the balance does not cover cost × samples', async () => {
    const userId = await createUser();
    const { key } = await createApiKeyFor(userId);
    // 3 free credits: a top of 4 samples needs 4.
    const res = await post(key, { mode: 'top', user_image: person, top_image: dress, samples: 4 });
    expect(res.status).toBe(402);
    const err = (await res.json()) as { error: { code: string; details: { required: number } } };
    expect(err.error.code).toBe('insufficient_credits');
    expect(err.error.details.required).toBe(4);
  });
});
