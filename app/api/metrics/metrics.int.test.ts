import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { drainInline } from '@/lib/jobs';
import {
  createApiKeyFor,
  createUser,
  givePaidCredits,
  makeImage,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';
import { POST as submit } from '@/app/api/v1/tryon/route';
import { GET as getJob } from '@/app/api/v1/tryon/[id]/route';
import { GET } from './route';

const OPS_TOKEN = vi.hoisted(() => {
  const token = 'ops-token-for-the-metrics-test-0123456789';
  process.env.OPS_TOKEN = token;
  return token;
});

async function scrape(authorization?: string): Promise<{ status: number; text: string }> {
  const res = await GET(
    new NextRequest('http://localhost/api/metrics', {
      headers: authorization ? { authorization } : {},
    }),
  );
  return { status: res.status, text: await res.text() };
}

/** The value of one series in a Prometheus exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

let person: string;
let garment: string;

beforeAll(async () => {
  await seedPrompts();
  person = (await makeImage('#c8a27a')).toString('base64');
  garment = `data:image/png;base64,${(await makeImage('#1f6feb')).toString('base64')}`;
});

describe('GET /api/metrics', () => {
  it('answers 401 without the ops token, with a wrong one, or with another scheme', async () => {
    for (const auth of [undefined, `Bearer ${OPS_TOKEN}x`, 'Bearer nope', `Basic ${OPS_TOKEN}`]) {
      const res = await scrape(auth);
      expect(res.status).toBe(401);
      expect(res.text).not.toContain('trailroom_');
    }
  });

  it('moves the counters with real traffic through the route handlers', async () => {
    const before = (await scrape(`Bearer ${OPS_TOKEN}`)).text;
    const userId = await createUser();
    await givePaidCredits(userId, 5);
    const { key } = await createApiKeyFor(userId);

    const res = await submit(
      new NextRequest('http://localhost/api/v1/tryon', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ mode: 'top', user_image: person, top_image: garment }),
      }),
      { params: Promise.resolve({}) } as never,
    );
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await drainInline();
    const status = await getJob(
      new NextRequest(`http://localhost/api/v1/tryon/${id}`, { headers: { 'x-api-key': key } }),
      { params: Promise.resolve({ id }) },
    );
    expect(status.status).toBe(200);
    const missing = await getJob(
      new NextRequest('http://localhost/api/v1/tryon/nope', { headers: { 'x-api-key': key } }),
      { params: Promise.resolve({ id: 'nope' }) },
    );
    expect(missing.status).toBe(404);

    const after = await scrape(`Bearer ${OPS_TOKEN}`);
    expect(after.status).toBe(200);
    const text = after.text;
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(text, name, labels) - sample(before, name, labels);

    // HTTP: by route pattern (the id is never a label) and status.
    expect(
      delta('trailroom_http_requests_total', {
        method: 'POST',
        route: '/api/v1/tryon',
        status: '202',
      }),
    ).toBe(1);
    expect(
      delta('trailroom_http_requests_total', { route: '/api/v1/tryon/[id]', status: '200' }),
    ).toBe(1);
    expect(
      delta('trailroom_http_requests_total', { route: '/api/v1/tryon/[id]', status: '404' }),
    ).toBe(1);
    expect(text).not.toContain(id);
    expect(
      delta('trailroom_http_request_duration_seconds_count', { route: '/api/v1/tryon/[id]' }),
    ).toBe(2);
    // Jobs, generation time, credits, database latency.
    expect(delta('trailroom_tryon_jobs_total', { status: 'completed', provider: 'local' })).toBe(1);
    expect(
      delta('trailroom_tryon_generation_seconds_count', { status: 'completed', provider: 'local' }),
    ).toBe(1);
    expect(delta('trailroom_credits_total', { kind: 'spent' })).toBeGreaterThan(0);
    expect(delta('trailroom_credits_total', { kind: 'granted' })).toBe(5);
    expect(delta('trailroom_db_operation_duration_seconds_count')).toBeGreaterThan(0);
    // Process metrics come along.
    expect(text).toContain('trailroom_process_cpu_seconds_total');
  });
});
