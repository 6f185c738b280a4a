import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Types } from 'mongoose';
import { InngestTestEngine } from '@inngest/test';
import { grantPurchasedCredits, refundUsage, spendCredits } from '@/lib/credits';
import { connectDb } from '@/lib/db';
import { DailyStat, Payment, TryonJob, User } from '@/models';
import type { JobStatus, TryonMode } from '@/models/tryon-job';
import { DAILY_METRICS } from '@/models/daily-stat';
import { rollupDailyStatsFn } from '@/inngest/rollup-daily-stats';
import { addDays, dayOf, getAnalytics, rollupDailyStats } from './index';

/**
 * Known facts on known days, written through the product's own code paths
 * (users, the ledger, jobs, payments) with the clock set to those days, then
 * the rollup must report exactly them — and the same again when re-run.
 */
const today = dayOf(new Date());
const D1 = addDays(today, -2);
const D2 = addDays(today, -1);
const at = (day: string, time: string) => new Date(`${day}T${time}Z`);

async function atTime<T>(when: Date, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(when);
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

let n = 0;
async function user(): Promise<string> {
  n += 1;
  const u = await User.create({ email: `stats-${n}@test.local`, provider: 'dev' });
  return u._id.toString();
}

/** A job with its usage charge (and refund when it did not complete), as the engine leaves it. */
async function job(
  userId: string,
  status: JobStatus,
  processingMs?: number,
  mode: TryonMode = 'top',
): Promise<void> {
  const _id = new Types.ObjectId();
  await TryonJob.create({
    _id,
    userId,
    source: { kind: 'web' },
    mode,
    status,
    inputs: { userImageId: new Types.ObjectId(), topImageId: new Types.ObjectId() },
    creditsUsed: 1,
    clientKey: `${userId}:auto:${_id.toString()}`,
    queuedAt: new Date(),
    ...(processingMs !== undefined ? { processingMs, completedAt: new Date() } : {}),
  });
  const ref = { referenceType: 'tryon_job' as const, referenceId: _id.toString() };
  await spendCredits({
    userId,
    credits: 1,
    idempotencyKey: `usage:${_id.toString()}`,
    description: 'Try-on',
    ...ref,
    actor: { type: 'user', id: userId },
  });
  if (status === 'failed' || status === 'canceled') {
    await refundUsage({
      userId,
      usageKey: `usage:${_id.toString()}`,
      idempotencyKey: `refund:${_id.toString()}`,
      description: 'Refund',
      referenceId: _id.toString(),
      actor: { type: 'system' },
    });
  }
}

async function payment(userId: string, cents: number, opts: { paid: boolean; currency?: string }) {
  await Payment.create({
    userId,
    provider: 'local',
    checkoutSessionId: `cs_${new Types.ObjectId().toString()}`,
    credits: 100,
    currency: opts.currency ?? 'usd',
    listAmountCents: cents,
    discountCents: 0,
    amountCents: cents,
    discountBps: 0,
    pricingVersion: 'test',
    status: opts.paid ? 'paid' : 'created',
    ...(opts.paid ? { paidAt: new Date() } : {}),
  });
  if (opts.paid)
    await grantPurchasedCredits({
      userId,
      credits: 100,
      idempotencyKey: `purchase:${new Types.ObjectId().toString()}`,
      description: 'Pack',
      referenceType: 'payment',
      actor: { type: 'system' },
    });
}

const stored = async (day: string) => {
  const row = (await DailyStat.findOne({ day }).lean()) as Record<string, unknown> | null;
  if (!row) return null;
  return { day, ...Object.fromEntries(DAILY_METRICS.map((m) => [m, row[m]])) };
};

beforeAll(async () => {
  await connectDb();
  await atTime(at(D1, '10:00:00'), async () => {
    const a = await user();
    const b = await user();
    await payment(a, 1000, { paid: true });
    await job(a, 'completed', 1000);
    await job(a, 'completed', 3000);
    await job(a, 'failed', undefined, 'full');
    await job(b, 'completed', 2000);
    await job(b, 'canceled', undefined, 'one_piece');
  });
  await atTime(at(D2, '23:59:59.900'), async () => {
    const c = await user();
    await job(c, 'completed', 500);
    await payment(c, 2100, { paid: true });
    await payment(c, 999, { paid: false });
    await payment(c, 700, { paid: true, currency: 'eur' });
  });
  // Midnight belongs to the new day.
  await atTime(at(today, '00:00:00'), async () => {
    await job(await user(), 'processing');
  });
});

afterEach(() => {
  vi.useRealTimers();
});

const EXPECTED_D1 = {
  day: D1,
  signups: 2,
  tryonsCreated: 5,
  tryonsCompleted: 3,
  tryonsFailed: 1,
  tryonsCanceled: 1,
  activeUsers: 2,
  processedJobs: 3,
  processingMsTotal: 6000,
  processingMsP95: 3000,
  creditsSpent: 5,
  creditsRefunded: 2,
  creditsPurchased: 100,
  revenueCents: 1000,
  payments: 1,
  tryonsTop: 3,
  tryonsFull: 1,
  tryonsOnePiece: 1,
};

const EXPECTED_D2 = {
  day: D2,
  signups: 1,
  tryonsCreated: 1,
  tryonsCompleted: 1,
  tryonsFailed: 0,
  tryonsCanceled: 0,
  activeUsers: 1,
  processedJobs: 1,
  processingMsTotal: 500,
  processingMsP95: 500,
  creditsSpent: 1,
  creditsRefunded: 0,
  // The euro payment granted credits too; only its revenue is in another currency.
  creditsPurchased: 200,
  revenueCents: 2100,
  payments: 1,
  tryonsTop: 1,
  tryonsFull: 0,
  tryonsOnePiece: 0,
};

describe('daily stats rollup', () => {
  it('recomputes each day exactly from jobs, ledger, payments and users', async () => {
    const result = await rollupDailyStats({ days: 3 });
    expect(result.days).toEqual([D1, D2, today]);
    expect(await stored(D1)).toEqual(EXPECTED_D1);
    expect(await stored(D2)).toEqual(EXPECTED_D2);
    expect(await stored(today)).toMatchObject({ tryonsCreated: 1, signups: 1, tryonsCompleted: 0 });
  });

  it('is idempotent: re-runs (also five at once) write the same rows, one per day', async () => {
    await rollupDailyStats({ days: 3 });
    await Promise.all(Array.from({ length: 5 }, () => rollupDailyStats({ days: 3 })));
    expect(await DailyStat.countDocuments({})).toBe(3);
    expect(await stored(D1)).toEqual(EXPECTED_D1);
    expect(await stored(D2)).toEqual(EXPECTED_D2);
  });

  it('a late fact is picked up by the next run (recomputed, not incremented)', async () => {
    const late = await TryonJob.findOne({
      createdAt: { $gte: at(D2, '00:00:00') },
      status: 'completed',
    });
    await TryonJob.updateOne({ _id: late!._id }, { $set: { status: 'failed' } });
    await rollupDailyStats({ days: 2, until: D2 });
    expect(await stored(D2)).toMatchObject({
      tryonsCompleted: 0,
      tryonsFailed: 1,
      processedJobs: 0,
    });
    await TryonJob.updateOne({ _id: late!._id }, { $set: { status: 'completed' } });
    const engine = new InngestTestEngine({ function: rollupDailyStatsFn.fn });
    const run = await engine.execute({
      events: [{ name: 'inngest/scheduled.timer', data: { cron: '7 * * * *' } }],
    });
    expect(run.error).toBeUndefined();
    expect((run.result as { days: string[] }).days).toEqual([D1, D2, today]);
    expect(await stored(D2)).toEqual(EXPECTED_D2);
  });

  it('analytics: stored past days, today live, missing days listed, revenue only when allowed', async () => {
    // Today's stored row is stale on purpose: the page computes today live.
    await DailyStat.updateOne({ day: today }, { $set: { tryonsCreated: 99 } });
    const a = await getAnalytics({ range: 7, revenue: true });
    expect(a.series.map((p) => p.day).slice(-3)).toEqual([D1, D2, today]);
    expect(a.missingDays).toEqual(a.series.slice(0, 4).map((p) => p.day));
    const d1 = a.series.find((p) => p.day === D1)!;
    expect(d1).toMatchObject({
      tryonsCompleted: 3,
      tryonsFailed: 1,
      tryonsOther: 1,
      successRate: 0.75,
      avgProcessingMs: 2000,
      p95ProcessingMs: 3000,
      revenueCents: 1000,
    });
    expect(a.series.at(-1)).toMatchObject({ tryonsOther: 1, computed: true });
    const kpi = Object.fromEntries(a.kpis.map((k) => [k.key, k]));
    expect(kpi.tryons!.value).toBe(4);
    expect(kpi.successRate!.value).toBeCloseTo(0.8);
    expect(kpi.revenue!.value).toBe(3100);
    expect(kpi.signups!.value).toBe(4);
    expect(kpi.activeUsers!.value).toBe(4);
    // The mode breakdown: every try-on submitted in the range (today's processing top one too).
    expect([kpi.tryonsTop!.value, kpi.tryonsFull!.value, kpi.tryonsOnePiece!.value]).toEqual([
      5, 1, 1,
    ]);
    // p95 over the period by nearest rank of [500, 1000, 2000, 3000].
    expect(kpi.p95Processing!.value).toBe(3000);
    expect(kpi.avgProcessing!.value).toBe(1625);
    // The week before was never computed: no comparison rather than a made-up one.
    expect(kpi.tryons!.change).toBeNull();

    const hidden = await getAnalytics({ range: 7, revenue: false });
    expect(hidden.kpis.map((k) => k.key)).not.toContain('revenue');
    expect(hidden.series.every((p) => p.revenueCents === 0)).toBe(true);
  });
});
