import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditTransaction, User } from '@/models';
import { AppError, translateError } from '@/lib/errors';
import { adjustCredits } from './adjust-credits';
import { getBalance } from './get-balance';
import { grantPurchasedCredits } from './grant-purchased-credits';
import { resetLedgerTestHooks, setLedgerTestHooks } from './ledger';
import { reconcile } from './reconcile';
import { refundUsage } from './refund-usage';
import { revokePurchasedCredits } from './revoke-purchased-credits';
import { spendCredits } from './spend-credits';
import { makeUser } from '@/lib/testing/credit-fixtures';

const emitted = vi.hoisted(() => [] as Array<{ id: string; type: string; userId: string }>);
vi.mock('@/lib/events/emit-user-event', () => ({
  emitUserEvent: async (e: { id: string; type: string; userId: string }) => {
    emitted.push({ id: e.id, type: e.type, userId: e.userId });
  },
}));

const sys = { type: 'system' } as const;
const spend = (userId: string, key: string, credits = 1) =>
  spendCredits({
    userId,
    credits,
    idempotencyKey: key,
    description: 'test spend',
    referenceType: 'tryon_job',
    referenceId: key,
    actor: sys,
  });

async function expectReconciled() {
  const report = await reconcile({ repair: false });
  expect(report.inconsistencies).toEqual([]);
  expect(report.differences).toEqual([]);
}

beforeEach(() => {
  emitted.length = 0;
});
afterEach(() => resetLedgerTestHooks());

describe('credit ledger under concurrency', () => {
  it('200 concurrent spends of 1 with 100 available: exactly 100 succeed, 100 get 402', async () => {
    const userId = await makeUser({ paid: 97 }); // + 3 daily free = 100
    expect((await getBalance(userId)).total).toBe(100);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => spend(userId, `usage:c200-${i}`)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(100);
    for (const r of refused) {
      const t = translateError((r as PromiseRejectedResult).reason);
      expect(t.status).toBe(402);
      expect(t.body.error.code).toBe('insufficient_credits');
    }
    expect(await getBalance(userId)).toMatchObject({ free: 0, paid: 0, total: 0 });
    await expectReconciled();
  });

  it('without the in-process queue, racing writers still never overdraw', async () => {
    setLedgerTestHooks({ serialize: false });
    const userId = await makeUser({ paid: 17 }); // 20 with free
    await getBalance(userId);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => spend(userId, `usage:race-${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    expect((await getBalance(userId)).total).toBe(0);
    const seqs = (await CreditTransaction.find({ userId }).lean())
      .map((e) => e.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    await expectReconciled();
  });

  it('three OS processes racing on one ledger: exactly the available credits are spent', async () => {
    const userId = await makeUser({ paid: 17 }); // 20 with free
    await getBalance(userId);
    const run = promisify(execFile);
    const tsx = path.resolve('node_modules/.bin/tsx');
    const worker = path.resolve('lib/testing/spend-worker.ts');
    const outs = await Promise.all(
      [0, 1, 2].map((w) =>
        run(tsx, ['--tsconfig', 'tsconfig.json', worker, userId, '15', `usage:proc${w}`], {
          env: { ...process.env, LOG_LEVEL: 'silent' },
          timeout: 60_000,
        }),
      ),
    );
    const summaries = outs.map(
      (o) => JSON.parse(o.stdout) as { ok: number; insufficient: number; other: number },
    );
    expect(summaries.reduce((s, x) => s + x.ok, 0)).toBe(20);
    expect(summaries.reduce((s, x) => s + x.insufficient, 0)).toBe(25);
    expect(summaries.reduce((s, x) => s + x.other, 0)).toBe(0);
    expect((await getBalance(userId)).total).toBe(0);
    await expectReconciled();
  });
});

describe('idempotency', () => {
  it('every operation replayed sequentially and concurrently changes nothing', async () => {
    const userId = await makeUser();
    const ops = [
      () =>
        grantPurchasedCredits({
          userId,
          credits: 50,
          idempotencyKey: 'purchase:cs_1',
          description: 'buy',
          referenceType: 'payment',
          actor: sys,
        }),
      () => spend(userId, 'usage:job1', 2),
      () =>
        refundUsage({
          userId,
          usageKey: 'usage:job1',
          idempotencyKey: 'refund:job1',
          description: 'refund',
          actor: sys,
        }),
      () =>
        adjustCredits({
          userId,
          credits: 5,
          idempotencyKey: 'admin:a1',
          description: 'goodwill',
          actor: { type: 'admin', id: 'adm' },
        }),
      () =>
        revokePurchasedCredits({
          userId,
          credits: 10,
          idempotencyKey: 'chargeback:dp_1',
          description: 'dispute',
          referenceType: 'payment',
          actor: sys,
          allowDebt: false,
        }),
    ];
    for (const op of ops) {
      const first = await op();
      expect(first?.replayed).toBe(false);
      const before = await getBalance(userId);
      const again = await op();
      expect(again?.replayed).toBe(true);
      expect(again?.entry.id).toBe(first?.entry.id);
      const concurrent = await Promise.all(Array.from({ length: 10 }, op));
      expect(concurrent.every((r) => r?.replayed)).toBe(true);
      expect(await getBalance(userId)).toEqual(before);
    }
    // 3 free + 50 - 2 + 2 + 5 - 10
    expect((await getBalance(userId)).total).toBe(48);
    expect(await CreditTransaction.countDocuments({ userId })).toBe(6); // free + 5 ops
    await expectReconciled();
  });

  it('the same key raced before it exists applies once', async () => {
    setLedgerTestHooks({ serialize: false });
    const userId = await makeUser({ paid: 10 });
    await getBalance(userId);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => spend(userId, 'usage:same')),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await getBalance(userId)).total).toBe(12);
    await expectReconciled();
  });

  it('a key used by another user is refused, not replayed', async () => {
    const a = await makeUser({ paid: 5 });
    const b = await makeUser({ paid: 5 });
    await spend(a, 'usage:shared');
    await expect(spend(b, 'usage:shared')).rejects.toMatchObject({ code: 'idempotency_conflict' });
  });

  it('refunds exactly once whatever retried, and only what was taken', async () => {
    const userId = await makeUser({ paid: 10 });
    await spend(userId, 'usage:j2', 2); // takes 2 free
    const refunds = await Promise.all(
      Array.from({ length: 8 }, () =>
        refundUsage({
          userId,
          usageKey: 'usage:j2',
          idempotencyKey: 'refund:j2',
          description: 'r',
          actor: sys,
        }),
      ),
    );
    expect(refunds.filter((r) => r && !r.replayed)).toHaveLength(1);
    expect(await getBalance(userId)).toMatchObject({ free: 3, paid: 10 });
    expect(
      await refundUsage({
        userId,
        usageKey: 'usage:none',
        idempotencyKey: 'refund:none',
        description: 'r',
        actor: sys,
      }),
    ).toBeNull();
    await expectReconciled();
  });
});

describe('faults', () => {
  it('a crash between the ledger write and the balance projection is detected and repaired by reconcile', async () => {
    const userId = await makeUser({ paid: 10 });
    await getBalance(userId);
    setLedgerTestHooks({
      afterInsert: () => {
        throw new Error('injected crash');
      },
    });
    await expect(spend(userId, 'usage:crash', 4)).rejects.toThrow('injected crash');
    resetLedgerTestHooks();
    const user = await User.findById(userId).lean();
    expect(user?.freeCredits).toBe(3); // projection still shows the state before the spend
    const found = await reconcile({ repair: true });
    expect(found.differences).toHaveLength(1);
    expect(found.differences[0]).toMatchObject({
      userId,
      ledger: { free: 0, paid: 9 },
      repaired: true,
    });
    await expectReconciled();
    // The operation itself had applied: retrying it is a replay, not a second charge.
    expect((await spend(userId, 'usage:crash', 4)).replayed).toBe(true);
    expect((await getBalance(userId)).total).toBe(9);
  });
});

describe('daily free credits', () => {
  it('tops up to 3 at the first read of a UTC day, never accumulates, spends free first', async () => {
    let now = new Date('2026-03-01T23:59:00Z');
    setLedgerTestHooks({ now: () => now });
    const userId = await makeUser();
    expect(await getBalance(userId)).toMatchObject({
      free: 3,
      paid: 0,
      nextTopUpAt: new Date('2026-03-02T00:00:00Z'),
    });
    await grantPurchasedCredits({
      userId,
      credits: 5,
      idempotencyKey: 'purchase:d1',
      description: 'buy',
      referenceType: 'payment',
      actor: sys,
    });
    await spend(userId, 'usage:d1', 4); // 3 free + 1 paid
    expect(await getBalance(userId)).toMatchObject({ free: 0, paid: 4 });
    await spend(userId, 'usage:d1b', 1);
    expect(await getBalance(userId)).toMatchObject({ free: 0, paid: 3 });

    now = new Date('2026-03-02T00:00:01Z'); // across midnight
    expect(await getBalance(userId)).toMatchObject({ free: 3, paid: 3 });
    expect(await getBalance(userId)).toMatchObject({ free: 3, paid: 3 }); // a second read changes nothing

    now = new Date('2026-03-03T08:00:00Z'); // unused free credits do not accumulate
    expect(await getBalance(userId)).toMatchObject({ free: 3, paid: 3 });
    const freeEntries = await CreditTransaction.find({ userId, type: 'free' }).lean();
    expect(freeEntries.map((e) => e.credits)).toEqual([3, 3]);

    await spend(userId, 'usage:d3', 2); // from free only
    expect(await getBalance(userId)).toMatchObject({ free: 1, paid: 3 });
    // A refund the next day gives free credits back only up to the allowance.
    now = new Date('2026-03-04T00:10:00Z');
    await refundUsage({
      userId,
      usageKey: 'usage:d3',
      idempotencyKey: 'refund:d3',
      description: 'late refund',
      actor: sys,
    });
    expect(await getBalance(userId)).toMatchObject({ free: 3, paid: 3 });
    await expectReconciled();
  });

  it('a suspended account gets no new free credits', async () => {
    const userId = await makeUser();
    await User.updateOne({ _id: userId }, { $set: { status: 'suspended' } });
    expect((await getBalance(userId)).free).toBe(0);
  });
});

describe('credits.low', () => {
  it('fires exactly once per crossing below 10', async () => {
    const userId = await makeUser({ paid: 9 }); // 12 with free
    await getBalance(userId);
    emitted.length = 0;
    await spend(userId, 'usage:l1', 2); // 10: not below
    expect(emitted).toHaveLength(0);
    await spend(userId, 'usage:l2', 1); // 9: crossing
    await spend(userId, 'usage:l2', 1); // replay: no new event
    await spend(userId, 'usage:l3', 1); // 8: still below, no event
    expect(emitted.map((e) => e.type)).toEqual(['credits.low']);
    await grantPurchasedCredits({
      userId,
      credits: 10,
      idempotencyKey: 'purchase:l',
      description: 'buy',
      referenceType: 'payment',
      actor: sys,
    });
    await spend(userId, 'usage:l4', 9); // 18 → 9: second crossing
    expect(emitted).toHaveLength(2);
    expect(new Set(emitted.map((e) => e.id)).size).toBe(2);
  });
});

describe('refusals', () => {
  it('rejects bad amounts and unknown users clearly', async () => {
    const userId = await makeUser();
    await expect(spend(userId, 'usage:zero', 0)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(spend('not-an-id', 'usage:x')).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      adjustCredits({
        userId,
        credits: -1,
        idempotencyKey: 'admin:neg',
        description: 'x',
        actor: { type: 'admin', id: 'a' },
      }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('revoking after the credits were spent takes what is left, or goes into debt when allowed', async () => {
    const userId = await makeUser({ paid: 10 });
    await spend(userId, 'usage:r1', 11); // 3 free + 8 paid, 2 paid left
    const partial = await revokePurchasedCredits({
      userId,
      credits: 10,
      idempotencyKey: 'chargeback:a',
      description: 'refund',
      referenceType: 'payment',
      actor: sys,
      allowDebt: false,
    });
    expect(partial).toMatchObject({ revoked: 2, shortfall: 8 });
    const debt = await revokePurchasedCredits({
      userId,
      credits: 5,
      idempotencyKey: 'chargeback:b',
      description: 'dispute',
      referenceType: 'payment',
      actor: sys,
      allowDebt: true,
    });
    expect(debt).toMatchObject({ revoked: 5, shortfall: 0 });
    expect((await getBalance(userId)).paid).toBe(-5);
    await expect(spend(userId, 'usage:r2', 1)).rejects.toMatchObject({
      code: 'insufficient_credits',
    }); // free is 0 today
    await expectReconciled();
  });
});
