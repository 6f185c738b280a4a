import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { getBalance } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import {
  createApiKeyFor,
  createQueuedJob,
  createUser,
  makeImage,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';
import { GET as getJob } from '../route';
import { POST as createTryon } from '../../route';
import { POST as report } from './route';

// POST /api/v1/tryon/{id}/report over HTTP: the envelope, the status codes, the re-roll's id.

const BASE = 'http://localhost/api/v1/tryon';
const none = { params: Promise.resolve({}) } as never;
const withId = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

let userId = '';
let key = '';

function send(id: string, body: unknown, apiKey = key) {
  return report(
    new NextRequest(`${BASE}/${id}/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    }),
    withId(id),
  );
}

async function newJob(): Promise<string> {
  const res = await createTryon(
    new NextRequest(BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        mode: 'top',
        user_image: (await makeImage('#c8a27a')).toString('base64'),
        top_image: (await makeImage('#1f6feb')).toString('base64'),
      }),
    }),
    none,
  );
  expect(res.status).toBe(202);
  return String(((await res.json()) as { id: string }).id);
}

beforeAll(async () => {
  await seedPrompts();
  userId = await createUser();
  key = (await createApiKeyFor(userId)).key;
});

describe('POST /api/v1/tryon/{id}/report', () => {
  it('re-rolls on the first report only; the jobs show the link both ways; nothing is charged', async () => {
    const jobId = await newJob();
    await drainInline();
    const balance = (await getBalance(userId)).total;

    const first = await send(jobId, { reason: 'garment_changed', note: 'the print is gone' });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { regenerated: boolean; reroll_job_id: string };
    expect(body.regenerated).toBe(true);
    expect(body.reroll_job_id).toMatch(/^[0-9a-f]{24}$/);

    const second = await send(jobId, { reason: 'other' });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({
      regenerated: false,
      reroll_job_id: body.reroll_job_id,
      not_regenerated_reason: 'already_rerolled',
    });

    await drainInline();
    const original = (await (
      await getJob(
        new NextRequest(`${BASE}/${jobId}`, { headers: { 'x-api-key': key } }),
        withId(jobId),
      )
    ).json()) as Record<string, unknown>;
    expect(original).toMatchObject({
      reroll_job_id: body.reroll_job_id,
      report: { reason: 'garment_changed' },
    });
    const reroll = (await (
      await getJob(
        new NextRequest(`${BASE}/${body.reroll_job_id}`, { headers: { 'x-api-key': key } }),
        withId(body.reroll_job_id),
      )
    ).json()) as Record<string, unknown>;
    expect(reroll).toMatchObject({ status: 'completed', credits_used: 0, reroll_of: jobId });
    expect((await getBalance(userId)).total).toBe(balance);
  });

  it('400 for an unknown reason or field, 404 for another owner, 409 before completion', async () => {
    const queued = (await createQueuedJob(userId, { charge: false }))._id.toString();
    const early = await send(queued, { reason: 'artefacts' });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('invalid_state');

    const jobId = await newJob();
    await drainInline();

    const bad = await send(jobId, { reason: 'ugly' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_error');
    expect((await send(jobId, { reason: 'other', extra: 1 })).status).toBe(400);

    const stranger = (await createApiKeyFor(await createUser())).key;
    const foreign = await send(jobId, { reason: 'other' }, stranger);
    expect(foreign.status).toBe(404);
  });
});
