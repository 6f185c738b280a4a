import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { Types } from 'mongoose';
import { createApiKey } from '@/lib/apikeys';
import { capUsage, resetCapTestHooks, setCapTestHooks, utcDayPeriod } from '@/lib/caps';
import { getBalance, reconcile } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import { drainInline } from '@/lib/jobs';
import { createTryonJob, failAndRefundJob, type TryonSubmission } from '@/lib/tryon';
import { CreditTransaction, User, WebhookDelivery, WebhookEndpoint } from '@/models';
import { TryonJob } from '@/models/tryon-job';
import { createUser, givePaidCredits, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { GET as listRoute, POST } from './route';
import { GET as getRoute } from './[id]/route';
import { GET as imageRoute } from './[id]/image/route';
import { POST as createWebhook, GET as listWebhooks } from '../webhooks/route';
import { GET as getWebhook } from '../webhooks/[id]/route';

// Test keys (tr_test_) and spend caps, through the real routes and the real
// database: test data never touches the ledger and never mixes with live data.

const BASE = 'http://localhost/api/v1/tryon';
const none = { params: Promise.resolve({}) } as never;
const withId = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

let person: string;
let garment: string;

function post(key: string, headers: Record<string, string> = {}) {
  return POST(
    new NextRequest(BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key, ...headers },
      body: JSON.stringify({ mode: 'top', user_image: person, top_image: garment }),
    }),
    none,
  );
}
const get = (route: typeof getRoute, url: string, key: string, id?: string) =>
  route(new NextRequest(url, { headers: { 'x-api-key': key } }), id ? withId(id) : none);

async function account() {
  const userId = await createUser();
  const live = await createApiKey(userId, 'live');
  const test = await createApiKey(userId, 'test', { kind: 'test' });
  return { userId, live: live.key, test: test.key, testKeyId: test.id, liveKeyId: live.id };
}

async function submission(colour = '#1f6feb'): Promise<TryonSubmission> {
  const images = {
    user: await makeImage('#c8a27a', { width: 256, height: 320 }),
    top: await makeImage(colour, { width: 256, height: 320 }),
  };
  return { mode: 'top', images, requestHash: new Types.ObjectId().toString() };
}

async function ledgerEntries(userId: string) {
  return CreditTransaction.countDocuments({ userId, type: { $ne: 'free' } });
}

beforeAll(async () => {
  await seedPrompts();
  person = (await makeImage('#c8a27a', { width: 256, height: 320 })).toString('base64');
  garment = `data:image/png;base64,${(await makeImage('#1f6feb', { width: 256, height: 320 })).toString('base64')}`;
});

afterEach(async () => {
  await drainInline(30_000);
  resetCapTestHooks();
});

describe('test keys (tr_test_)', () => {
  it('a test try-on never touches the ledger, runs on the local provider and reports the would-be cost', async () => {
    const a = await account();
    const before = await getBalance(a.userId);
    const res = await post(a.test);
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; livemode: boolean; credits_used: number };
    expect(job).toMatchObject({ livemode: false, credits_used: 1 });
    await drainInline();
    const done = await get(getRoute, `${BASE}/${job.id}`, a.test, job.id);
    expect(await done.json()).toMatchObject({
      status: 'completed',
      provider: 'local',
      livemode: false,
    });
    expect(await ledgerEntries(a.userId)).toBe(0);
    expect((await getBalance(a.userId)).total).toBe(before.total);
    expect((await reconcile({ repair: false })).differences).toEqual([]);
  });

  it('test and live data never mix: lists, reads and images answer per mode (other mode → 404)', async () => {
    const a = await account();
    const testJob = (await (await post(a.test)).json()) as { id: string };
    const liveJob = (await (await post(a.live)).json()) as { id: string };
    await drainInline();
    const ids = async (key: string) =>
      (
        (await (await get(listRoute as never, BASE, key)).json()) as { data: Array<{ id: string }> }
      ).data.map((j) => j.id);
    expect(await ids(a.test)).toEqual([testJob.id]);
    expect(await ids(a.live)).toEqual([liveJob.id]);
    expect((await get(getRoute, `${BASE}/${liveJob.id}`, a.test, liveJob.id)).status).toBe(404);
    expect((await get(getRoute, `${BASE}/${testJob.id}`, a.live, testJob.id)).status).toBe(404);
    expect(
      (await get(imageRoute as never, `${BASE}/${testJob.id}/image`, a.live, testJob.id)).status,
    ).toBe(404);
    expect(
      (await get(imageRoute as never, `${BASE}/${testJob.id}/image`, a.test, testJob.id)).status,
    ).toBe(200);
    // The live job was charged once; the test job not at all.
    const usage = await CreditTransaction.find({ userId: a.userId, type: 'usage' }).lean();
    expect(usage.map((e) => e.referenceId)).toEqual([liveJob.id]);
  });

  it('test events go only to test endpoints and carry livemode false; live events only to live endpoints', async () => {
    const a = await account();
    const make = async (key: string, url: string) => {
      const res = await createWebhook(
        new NextRequest('http://localhost/api/v1/webhooks', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({ url, events: ['tryon.completed', 'tryon.failed'] }),
        }),
        none,
      );
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; livemode: boolean };
    };
    const testEp = await make(a.test, 'https://93.184.216.34/test-hook');
    const liveEp = await make(a.live, 'https://93.184.216.34/live-hook');
    expect(testEp.livemode).toBe(false);
    expect(liveEp.livemode).toBe(true);
    // Each key sees only its own mode's endpoints.
    const listed = async (key: string) =>
      (
        (await (
          await listWebhooks(
            new NextRequest('http://localhost/api/v1/webhooks', { headers: { 'x-api-key': key } }),
            none,
          )
        ).json()) as { data: Array<{ id: string }> }
      ).data.map((e) => e.id);
    expect(await listed(a.test)).toEqual([testEp.id]);
    expect(await listed(a.live)).toEqual([liveEp.id]);
    const cross = await getWebhook(
      new NextRequest(`http://localhost/api/v1/webhooks/${liveEp.id}`, {
        headers: { 'x-api-key': a.test },
      }),
      withId(liveEp.id),
    );
    expect(cross.status).toBe(404);

    const testJob = (await (await post(a.test)).json()) as { id: string };
    const liveJob = (await (await post(a.live)).json()) as { id: string };
    await drainInline();
    const deliveries = await WebhookDelivery.find({ userId: a.userId }).lean();
    const byEndpoint = (id: string) => deliveries.filter((d) => d.endpointId.toString() === id);
    expect(byEndpoint(testEp.id)).toHaveLength(1);
    expect(byEndpoint(liveEp.id)).toHaveLength(1);
    const testDelivery = byEndpoint(testEp.id)[0]!;
    const liveDelivery = byEndpoint(liveEp.id)[0]!;
    expect(testDelivery.livemode).toBe(false);
    expect(testDelivery.payload).toMatchObject({
      type: 'tryon.completed',
      livemode: false,
      data: { job: { id: testJob.id, livemode: false } },
    });
    expect(liveDelivery.livemode).toBeUndefined();
    expect(liveDelivery.payload).toMatchObject({
      livemode: true,
      data: { job: { id: liveJob.id, livemode: true } },
    });
    expect(await WebhookEndpoint.countDocuments({ userId: a.userId })).toBe(2);
  });

  it('x-trailroom-simulate: failure and safety_block fail the job (never charged), slow completes it later', async () => {
    const a = await account();
    const failure = (await (await post(a.test, { 'x-trailroom-simulate': 'failure' })).json()) as {
      id: string;
    };
    const blocked = (await (
      await post(a.test, { 'x-trailroom-simulate': 'safety_block' })
    ).json()) as { id: string };
    await drainInline();
    const read = async (id: string) =>
      (await (await get(getRoute, `${BASE}/${id}`, a.test, id)).json()) as {
        status: string;
        error?: { code: string };
      };
    expect(await read(failure.id)).toMatchObject({
      status: 'failed',
      error: { code: 'generation_failed' },
    });
    expect(await read(blocked.id)).toMatchObject({
      status: 'failed',
      error: { code: 'content_blocked' },
    });
    const startedAt = Date.now();
    const slow = (await (await post(a.test, { 'x-trailroom-simulate': 'slow' })).json()) as {
      id: string;
    };
    await drainInline(30_000);
    expect(await read(slow.id)).toMatchObject({ status: 'completed' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4_500);
    expect(await ledgerEntries(a.userId)).toBe(0);

    // A live key may not simulate; an unknown outcome is refused.
    const live = await post(a.live, { 'x-trailroom-simulate': 'failure' });
    expect(live.status).toBe(400);
    const bad = await post(a.test, { 'x-trailroom-simulate': 'explode' });
    expect(bad.status).toBe(400);
    expect(await TryonJob.countDocuments({ userId: a.userId })).toBe(3);
  });
});

describe('spend caps', () => {
  it('50 concurrent try-ons against a key cap of 20 credits: exactly 20 charged, 30 refused with 402', async () => {
    setCapTestHooks({ serialize: false });
    const userId = await createUser();
    await givePaidCredits(userId, 100);
    const key = await createApiKey(userId, 'capped', { dailyCreditCap: 20 });
    const sub = await submission();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        createTryonJob({
          userId,
          source: { kind: 'api', apiKeyId: key.id },
          submission: { ...sub, requestHash: new Types.ObjectId().toString() },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(30);
    for (const e of refused) {
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'spend_cap_reached', status: 402 });
      expect((e as AppError).details).toMatchObject({
        scope: 'key_daily',
        cap: 20,
        resets_at: utcDayPeriod().resetsAt.toISOString(),
      });
    }
    expect(await capUsage('key_daily', key.id, utcDayPeriod().periodKey)).toBe(20);
    expect(await CreditTransaction.countDocuments({ userId, type: 'usage' })).toBe(20);
    // Refused jobs were removed: nothing charged, nothing left queued.
    expect(await TryonJob.countDocuments({ userId })).toBe(20);
    await drainInline(60_000);
    expect((await reconcile({ repair: false })).differences).toEqual([]);
  });

  it('the account monthly cap refuses with 402 account_monthly; a failed job gives its reservation back', async () => {
    const userId = await createUser();
    await givePaidCredits(userId, 50);
    await User.updateOne({ _id: userId }, { $set: { monthlySpendCap: 2 } });
    const source = { kind: 'web' } as const;
    const first = await createTryonJob({ userId, source, submission: await submission() });
    await createTryonJob({ userId, source, submission: await submission() });
    const refused = await createTryonJob({ userId, source, submission: await submission() }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      code: 'spend_cap_reached',
      details: { scope: 'account_monthly', cap: 2 },
    });
    const month = new Date().toISOString().slice(0, 7);
    expect(await capUsage('account_monthly', userId, month)).toBe(2);
    await drainInline();
    // A job that fails is refunded and its cap reservation released — once, however often it runs.
    await TryonJob.updateOne({ _id: first.job._id }, { $set: { status: 'processing' } });
    await failAndRefundJob(first.job._id.toString(), { code: 'timeout', message: 'x' });
    await failAndRefundJob(first.job._id.toString(), { code: 'timeout', message: 'x' });
    expect(await capUsage('account_monthly', userId, month)).toBe(1);
    await expect(
      createTryonJob({ userId, source, submission: await submission() }),
    ).resolves.toBeTruthy();
    expect(await capUsage('account_monthly', userId, month)).toBe(2);
  });

  it("a test key's daily cap counts would-be credits; test jobs never count toward the monthly cap", async () => {
    const userId = await createUser();
    await User.updateOne({ _id: userId }, { $set: { monthlySpendCap: 1 } });
    const key = await createApiKey(userId, 'test', { kind: 'test', dailyCreditCap: 2 });
    const make = async () =>
      createTryonJob({
        userId,
        source: { kind: 'api', apiKeyId: key.id },
        submission: await submission(),
        livemode: false,
      });
    await make();
    await make();
    await expect(make()).rejects.toMatchObject({
      code: 'spend_cap_reached',
      details: { scope: 'key_daily', cap: 2 },
    });
    expect(await capUsage('account_monthly', userId, new Date().toISOString().slice(0, 7))).toBe(0);
  });
});
