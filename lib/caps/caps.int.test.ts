import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { CapEntry } from '@/models';
import {
  capReachedError,
  capUsage,
  pruneCapEntries,
  releaseCap,
  reserveCap,
  resetCapTestHooks,
  setCapTestHooks,
  utcDayPeriod,
  utcMonthPeriod,
  type ReserveCapResult,
} from '.';

const subject = () => new Types.ObjectId().toString();
const day = utcDayPeriod(new Date('2026-12-01T15:00:00Z'));

describe('spend-cap primitive (real database, real races)', () => {
  beforeEach(() => setCapTestHooks({ serialize: false }));
  afterEach(() => resetCapTestHooks());

  it('50 concurrent reservations of 1 against a cap of 20: exactly 20 succeed, the counter is exactly 20', async () => {
    const s = subject();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        reserveCap({
          scope: 'key_daily',
          subject: s,
          period: day,
          limit: 20,
          amount: 1,
          opKey: `op-${i}`,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    const refused = results.filter((r): r is Extract<ReserveCapResult, { ok: false }> => !r.ok);
    expect(refused).toHaveLength(30);
    for (const r of refused) {
      expect(r).toMatchObject({ scope: 'key_daily', limit: 20, used: 20 });
      expect(r.resetsAt.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    }
    expect(await capUsage('key_daily', s, day.periodKey)).toBe(20);
    // The chain is gap-free: seqs 1..20, each counter one more than the last.
    const entries = await CapEntry.find({
      chain: `key_daily:${s}:${day.periodKey}`,
      kind: 'reserve',
    })
      .sort({ seq: 1 })
      .lean();
    expect(entries.map((e) => e.usedAfter)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('50 concurrent reservations of mixed sizes never pass the cap; the counter is the sum of the successes', async () => {
    const s = subject();
    const amounts = Array.from({ length: 50 }, (_, i) => (i % 4) + 1);
    const results = await Promise.all(
      amounts.map((amount, i) =>
        reserveCap({
          scope: 'account_monthly',
          subject: s,
          period: utcMonthPeriod(new Date('2026-12-31T23:00:00Z')),
          limit: 37,
          amount,
          opKey: `op-${i}`,
        }),
      ),
    );
    const granted = amounts.filter((_, i) => results[i]!.ok).reduce((a, b) => a + b, 0);
    expect(granted).toBeLessThanOrEqual(37);
    // Whatever is left is smaller than every refused request (nobody was refused while it fitted
    // at the end: the smallest request is 1, so the cap is used up to the last credit unless only
    // larger requests were left).
    const refusedMin = Math.min(...amounts.filter((_, i) => !results[i]!.ok));
    expect(37 - granted).toBeLessThan(refusedMin);
    expect(await capUsage('account_monthly', s, '2026-12')).toBe(granted);
  });

  it('a repeated opKey counts once; a release gives the reservation back once', async () => {
    const s = subject();
    const reserve = (opKey: string, amount = 3) =>
      reserveCap({ scope: 'key_daily', subject: s, period: day, limit: 5, amount, opKey });
    await expect(reserve('job-a')).resolves.toEqual({ ok: true, used: 3, replayed: false });
    // Replayed concurrently and later: still counted once.
    const again = await Promise.all([reserve('job-a'), reserve('job-a'), reserve('job-a')]);
    for (const r of again) expect(r).toMatchObject({ ok: true, replayed: true, used: 3 });
    await expect(reserve('job-b')).resolves.toMatchObject({ ok: false, used: 3, limit: 5 });
    // Even at the cap, a replay of an applied reservation is not refused.
    await expect(reserve('job-a')).resolves.toMatchObject({ ok: true, replayed: true });

    const rel = () =>
      releaseCap({ scope: 'key_daily', subject: s, periodKey: day.periodKey, opKey: 'job-a' });
    const releases = await Promise.all([rel(), rel(), rel()]);
    expect(releases.filter((r) => !r.replayed && r.released === 3)).toHaveLength(1);
    expect(await capUsage('key_daily', s, day.periodKey)).toBe(0);
    await expect(reserve('job-b')).resolves.toMatchObject({ ok: true, used: 3 });
    // Releasing what was never reserved does nothing.
    await expect(
      releaseCap({ scope: 'key_daily', subject: s, periodKey: day.periodKey, opKey: 'nope' }),
    ).resolves.toEqual({ released: 0, replayed: false });
    // A partial release (one sample's share) applies once per key and never more than reserved.
    await releaseCap({
      scope: 'key_daily',
      subject: s,
      periodKey: day.periodKey,
      opKey: 'job-b',
      amount: 1,
      releaseKey: 'refund:job-b:1',
    });
    await releaseCap({
      scope: 'key_daily',
      subject: s,
      periodKey: day.periodKey,
      opKey: 'job-b',
      amount: 1,
      releaseKey: 'refund:job-b:1',
    });
    expect(await capUsage('key_daily', s, day.periodKey)).toBe(2);
  });

  it('periods are separate chains; the refusal maps to 402 spend_cap_reached with scope, cap and reset time', async () => {
    const s = subject();
    const at = (iso: string) => utcDayPeriod(new Date(iso));
    const r1 = await reserveCap({
      scope: 'key_daily',
      subject: s,
      period: at('2026-12-01T23:59:59Z'),
      limit: 1,
      amount: 1,
      opKey: 'a',
    });
    const r2 = await reserveCap({
      scope: 'key_daily',
      subject: s,
      period: at('2026-12-01T23:59:59Z'),
      limit: 1,
      amount: 1,
      opKey: 'b',
    });
    const r3 = await reserveCap({
      scope: 'key_daily',
      subject: s,
      period: at('2026-12-02T00:00:00Z'),
      limit: 1,
      amount: 1,
      opKey: 'b',
    });
    expect([r1.ok, r2.ok, r3.ok]).toEqual([true, false, true]);
    if (r2.ok) throw new Error('unreachable');
    const err = capReachedError(r2);
    expect(err.status).toBe(402);
    expect(err.code).toBe('spend_cap_reached');
    expect(err.details).toEqual({
      scope: 'key_daily',
      cap: 1,
      used: 1,
      resets_at: '2026-12-02T00:00:00.000Z',
    });
    // Entries are pruned once their period is long over.
    expect(await pruneCapEntries(new Date('2027-03-01T00:00:00Z'))).toBeGreaterThanOrEqual(2);
    resetCapTestHooks(); // a fresh process: nothing remembered from before the prune
    expect(await capUsage('key_daily', s, '2026-12-01')).toBe(0);
  });

  it('a cold process finds the head through the hint document (no walk from the start)', async () => {
    const s = subject();
    for (let i = 0; i < 40; i += 1)
      await reserveCap({
        scope: 'org_daily',
        subject: s,
        period: day,
        limit: 1000,
        amount: 1,
        opKey: `o${i}`,
      });
    resetCapTestHooks(); // forgets the in-process heads
    const hint = await CapEntry.findById(`org_daily:${s}:${day.periodKey}:head`).lean();
    expect(hint?.seq).toBe(32);
    expect(await capUsage('org_daily', s, day.periodKey)).toBe(40);
  });
});
