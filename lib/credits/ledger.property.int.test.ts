import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CreditTransaction } from '@/models';
import { AppError } from '@/lib/errors';
import { adjustCredits } from './adjust-credits';
import { getBalance } from './get-balance';
import { grantPurchasedCredits } from './grant-purchased-credits';
import { resetLedgerTestHooks } from './ledger';
import { reconcile } from './reconcile';
import { refundUsage } from './refund-usage';
import { revokePurchasedCredits } from './revoke-purchased-credits';
import { spendCredits } from './spend-credits';
import { makeUser } from '@/lib/testing/credit-fixtures';

// Random sequences of operations (with replays of earlier keys) against the
// real database: afterwards balance = sum(ledger), the chain has no gaps, no
// bucket is negative except a paid debt that a chargeback was allowed to make,
// and reconcile finds nothing.

type Op =
  | { kind: 'spend'; n: number; key: number }
  | { kind: 'refund'; key: number }
  | { kind: 'grant'; n: number; key: number }
  | { kind: 'adjust'; n: number; key: number }
  | { kind: 'revoke'; n: number; key: number; debt: boolean };

const key = fc.integer({ min: 0, max: 6 }); // small key space → many replays
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('spend' as const), n: fc.integer({ min: 1, max: 4 }), key }),
  fc.record({ kind: fc.constant('refund' as const), key }),
  fc.record({ kind: fc.constant('grant' as const), n: fc.integer({ min: 1, max: 20 }), key }),
  fc.record({
    kind: fc.constant('adjust' as const),
    n: fc.integer({ min: -10, max: 10 }).filter((n) => n !== 0),
    key,
  }),
  fc.record({
    kind: fc.constant('revoke' as const),
    n: fc.integer({ min: 1, max: 15 }),
    key,
    debt: fc.boolean(),
  }),
);

const sys = { type: 'system' } as const;

async function apply(userId: string, op: Op): Promise<void> {
  try {
    switch (op.kind) {
      case 'spend':
        await spendCredits({
          userId,
          credits: op.n,
          idempotencyKey: `usage:${userId}:${op.key}`,
          description: 'p',
          referenceType: 'tryon_job',
          actor: sys,
        });
        break;
      case 'refund':
        await refundUsage({
          userId,
          usageKey: `usage:${userId}:${op.key}`,
          idempotencyKey: `refund:${userId}:${op.key}`,
          description: 'p',
          actor: sys,
        });
        break;
      case 'grant':
        await grantPurchasedCredits({
          userId,
          credits: op.n,
          idempotencyKey: `purchase:${userId}:${op.key}`,
          description: 'p',
          referenceType: 'payment',
          actor: sys,
        });
        break;
      case 'adjust':
        await adjustCredits({
          userId,
          credits: op.n,
          idempotencyKey: `admin:${userId}:${op.key}`,
          description: 'p',
          actor: { type: 'admin', id: 'a' },
        });
        break;
      case 'revoke':
        await revokePurchasedCredits({
          userId,
          credits: op.n,
          idempotencyKey: `chargeback:${userId}:${op.key}`,
          description: 'p',
          referenceType: 'payment',
          actor: sys,
          allowDebt: op.debt,
        });
        break;
    }
  } catch (err) {
    // Refusals are part of the property; anything else is a bug.
    if (
      !(err instanceof AppError) ||
      !['insufficient_credits', 'idempotency_conflict'].includes(err.code)
    )
      throw err;
  }
}

afterEach(() => resetLedgerTestHooks());

describe('ledger properties', () => {
  it('random operation sequences with replays keep balance = sum(ledger) and never overdraw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        async (ops, concurrent) => {
          const userId = await makeUser();
          if (concurrent) await Promise.all(ops.map((op) => apply(userId, op)));
          else for (const op of ops) await apply(userId, op);

          const balance = await getBalance(userId); // may write today's top-up first
          const entries = await CreditTransaction.find({ userId }).sort({ seq: 1 }).lean();
          const sumFree = entries.reduce((s, e) => s + e.freeDelta, 0);
          const sumPaid = entries.reduce((s, e) => s + e.paidDelta, 0);
          expect({ free: balance.free, paid: balance.paid }).toEqual({
            free: sumFree,
            paid: sumPaid,
          });
          expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
          expect(new Set(entries.map((e) => e.idempotencyKey)).size).toBe(entries.length);
          for (const e of entries) {
            expect(e.freeAfter).toBeGreaterThanOrEqual(0);
            expect(e.freeAfter).toBeLessThanOrEqual(3);
            // Only a chargeback allowed into debt takes the paid bucket below zero:
            // nothing else that draws on it (spends, admin removals) may.
            if (e.type !== 'chargeback' && e.paidDelta < 0)
              expect(e.paidAfter).toBeGreaterThanOrEqual(0);
          }
          const report = await reconcile({ repair: false });
          expect(report.inconsistencies).toEqual([]);
          expect(report.differences).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
