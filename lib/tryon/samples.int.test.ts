import http from 'node:http';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Top and one-piece jobs go to an OpenAI stub speaking its wire format (so one sample can be
// refused while the others succeed); full outfits to the local compositor. Set before lib/env
// is first imported.
const stub = vi.hoisted(() => {
  const port = 43000 + Math.floor(Math.random() * 2000);
  process.env.OPENAI_API_KEY = 'sk-test-stub';
  process.env.OPENAI_BASE_URL = `http://127.0.0.1:${port}/v1`;
  process.env.AI_PROVIDER_TOP = 'openai';
  process.env.AI_PROVIDER_FULL = 'local';
  return { port };
});

import { getBalance, reconcile } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import { CreditTransaction, Prompt } from '@/models';
import { TryonJob } from '@/models/tryon-job';
import {
  createUser,
  givePaidCredits,
  MAGENTA,
  makeImage,
  seedPrompts,
} from '@/lib/testing/tryon-fixtures';
import {
  createTryonJob,
  failAndRefundJob,
  refundJob,
  serializeJob,
  setTryonFavorite,
  type TryonSubmission,
} from './index';
import { getTryonOutputOrThrow } from './get-tryon-output-or-throw';
import { generateJobSample } from './generate-job-sample';
import { resolveTryonPrompts } from '@/lib/prompts';
import type { TryonMode } from '@/models/enums';

/** Answers of the stub by call number (1-based); any other call gets the image. */
const refuseCalls = new Set<number>();
let calls = 0;
let server: http.Server;
let outputPng: Buffer;

function startStub(): Promise<void> {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      const refused = refuseCalls.has(calls);
      res.writeHead(refused ? 400 : 200, { 'content-type': 'application/json' }).end(
        JSON.stringify(
          refused
            ? {
                error: {
                  message: 'Your request was rejected by the safety system.',
                  type: 'invalid_request_error',
                  code: 'moderation_blocked',
                },
              }
            : { created: 1, data: [{ b64_json: outputPng.toString('base64') }] },
        ),
      );
    });
  });
  return new Promise((resolve) => server.listen(stub.port, '127.0.0.1', () => resolve()));
}

async function submission(
  mode: TryonMode,
  opts: { samples?: number; seed?: number; topColour?: string } = {},
): Promise<TryonSubmission> {
  const images = {
    user: await makeImage('#c8a27a'),
    top: await makeImage(opts.topColour ?? '#7a1fb3'),
    ...(mode === 'full' ? { bottom: await makeImage('#2d333b') } : {}),
  };
  const h = createHash('sha256').update(`${mode}:${opts.samples}:${opts.seed}`);
  for (const b of Object.values(images)) h.update(b);
  return {
    mode,
    images,
    ...(opts.samples ? { samples: opts.samples } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    requestHash: h.digest('hex'),
  };
}

async function entries(userId: string) {
  return (await CreditTransaction.find({ userId, type: { $in: ['usage', 'refund'] } })
    .sort({ seq: 1 })
    .lean()) as Array<{ type: string; idempotencyKey: string; credits: number }>;
}

const sum = (xs: Array<{ credits: number }>) => xs.reduce((s, x) => s + x.credits, 0);

beforeAll(async () => {
  await seedPrompts();
  outputPng = await makeImage('#44aa88', { width: 480, height: 640 });
  await startStub();
});

afterEach(async () => {
  await drainInline(30_000);
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('several results per try-on', () => {
  it('a one-piece try-on of 3 samples reserves 3 × 2 credits in one usage entry; a refused sample gives back exactly its share', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 20);
    const before = await getBalance(userId);
    refuseCalls.clear();
    refuseCalls.add(calls + 2); // the second sample's only call
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('one_piece', { samples: 3, seed: 1000 }),
    });
    const id = job._id.toString();
    expect(job.creditsUsed).toBe(6);
    expect(job.samples).toBe(3);
    expect(job.seed).toBe(1000);
    const usage = (await entries(userId)).filter((e) => e.type === 'usage');
    expect(usage).toEqual([
      expect.objectContaining({ idempotencyKey: `usage:${id}`, credits: -6 }),
    ]);

    await drainInline();
    const done = await TryonJob.findById(job._id).lean();
    expect(done?.status).toBe('completed');
    // The one-piece prompt type's version is what the job records.
    const prompt = await Prompt.findById(done?.promptId).lean();
    expect(prompt?.type).toBe('one_piece');
    expect(done?.promptVersion).toBe(1);
    expect(done?.outputs?.map((o) => [o.n, o.status, o.seed])).toEqual([
      [1, 'completed', 1000],
      [2, 'failed', undefined],
      [3, 'completed', 1002],
    ]);
    expect(done?.outputImageId?.toString()).toBe(String(done?.outputs?.[0]?.assetId));

    const refunds = (await entries(userId)).filter((e) => e.type === 'refund');
    expect(refunds.map((e) => [e.idempotencyKey, e.credits])).toEqual([[`refund:${id}:2`, 2]]);
    expect((await getBalance(userId)).total).toBe(before.total - 4);

    const json = serializeJob(done!);
    expect(json.credits_used).toBe(6);
    expect(json.samples).toBe(3);
    expect(json.samples_failed).toBe(1);
    expect(json.outputs.map((o) => [o.sample, o.seed])).toEqual([
      [1, 1000],
      [3, 1002],
    ]);
    expect(json.outputs[1]?.url).toMatch(new RegExp(`/api/v1/tryon/${id}/image\\?output=3$`));
    expect(json.output_image_url).toMatch(new RegExp(`/api/v1/tryon/${id}/image$`));
    // Each result is served on its own; the failed one is not there.
    const third = await getTryonOutputOrThrow(userId, id, 3);
    expect(third.assetId).toBe(String(done?.outputs?.[2]?.assetId));
    await expect(getTryonOutputOrThrow(userId, id, 2)).rejects.toMatchObject({ code: 'not_found' });

    // A favourite per result; the job is a favourite while any result is.
    const fav = await setTryonFavorite(userId, id, true, 3);
    expect(serializeJob(fav).outputs.map((o) => o.favorite)).toEqual([false, true]);
    expect(fav.favorite).toBe(true);
    const unfav = await setTryonFavorite(userId, id, false, 3);
    expect(unfav.favorite).toBe(false);

    // Refunding the whole job afterwards (support) gives back only the shares not yet returned.
    const rest = await refundJob(done!, 'by support');
    expect(rest.replayed).toBe(false);
    const all = (await entries(userId)).filter((e) => e.type === 'refund');
    expect(sum(all)).toBe(6);
    expect(all.map((e) => e.idempotencyKey).sort()).toEqual(
      [`refund:${id}:1`, `refund:${id}:2`, `refund:${id}:3`].sort(),
    );
    const again = await refundJob(done!, 'by support');
    expect(again.replayed).toBe(true);
    expect(sum((await entries(userId)).filter((e) => e.type === 'refund'))).toBe(6);
    expect((await reconcile()).ok).toBe(true);
  });

  it('a job whose every sample fails is failed and refunded exactly what it was charged, once in total', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 20);
    const before = await getBalance(userId);
    // The local compositor refuses a solid magenta garment on every sample (final).
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('full', { samples: 3, topColour: MAGENTA }),
    });
    const id = job._id.toString();
    expect(job.creditsUsed).toBe(6);
    await drainInline();
    const done = await TryonJob.findById(job._id).lean();
    expect(done?.status).toBe('failed');
    expect(done?.outputs?.map((o) => o.status)).toEqual(['failed', 'failed', 'failed']);

    // onFailure ran refundJob after the per-sample refunds; run every refund path again.
    await failAndRefundJob(id, { code: 'generation_failed', message: 'again' });
    await refundJob(done!, 'again');
    await refundJob(done!, 'again');

    const refunds = (await entries(userId)).filter((e) => e.type === 'refund');
    expect(refunds.map((e) => e.idempotencyKey).sort()).toEqual(
      [`refund:${id}:1`, `refund:${id}:2`, `refund:${id}:3`].sort(),
    );
    expect(sum(refunds)).toBe(6);
    expect(await CreditTransaction.countDocuments({ idempotencyKey: `refund:${id}` })).toBe(0);
    expect((await getBalance(userId)).total).toBe(before.total);
    expect((await reconcile()).ok).toBe(true);
  });

  it('samples run with seed, seed + 1, …; a one-sample request stays one output and one refund key', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 10);
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('full', { samples: 2, seed: 7 }),
    });
    await drainInline();
    const two = await TryonJob.findById(job._id).lean();
    expect(two?.status).toBe('completed');
    expect(two?.outputs?.map((o) => o.seed)).toEqual([7, 8]);
    // Different seeds, different pictures (the local compositor moves the garment a little).
    expect(String(two?.outputs?.[0]?.assetId)).not.toBe(String(two?.outputs?.[1]?.assetId));

    const single = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('full', { seed: 8 }),
    });
    await drainInline();
    const one = await TryonJob.findById(single.job._id).lean();
    expect(one?.samples).toBe(1);
    expect(one?.outputs?.map((o) => o.seed)).toEqual([8]);
    // The same seed and inputs give the same picture: content addressing stores it once.
    expect(String(one?.outputImageId)).toBe(String(two?.outputs?.[1]?.assetId));
    expect(serializeJob(one!).outputs).toHaveLength(1);
  });

  it('a run that stopped between recording a failed sample and refunding it is completed by the retry, once', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 20);
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission('full', { samples: 2 }),
    });
    await drainInline();
    const id = job._id.toString();
    // As if sample 2 had been recorded failed and the process died before its refund.
    await TryonJob.updateOne(
      { _id: job._id },
      {
        $set: {
          'outputs.1': { n: 2, status: 'failed', code: 'provider_unavailable', favorite: false },
        },
      },
    );
    const prompts = await resolveTryonPrompts('full');
    const plan = {
      provider: 'local' as const,
      model: 'local',
      promptId: prompts.instruction.id,
      promptVersion: 1,
    };
    for (let i = 0; i < 3; i++) {
      const r = await generateJobSample(id, prompts, plan, 1, 2, { lastAttempt: false });
      expect(r.status).toBe('failed');
    }
    // Sample 1 is answered from its record: not generated again.
    const first = await generateJobSample(id, prompts, plan, 1, 1, { lastAttempt: false });
    expect(first).toMatchObject({ n: 1, status: 'completed' });
    const refunds = (await entries(userId)).filter((e) => e.type === 'refund');
    expect(refunds.map((e) => [e.idempotencyKey, e.credits])).toEqual([[`refund:${id}:2`, 2]]);
    expect((await TryonJob.findById(job._id).lean())?.outputs).toHaveLength(2);
  });
});
