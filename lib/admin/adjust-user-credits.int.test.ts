import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { grantPurchasedCredits, reconcile, spendCredits } from '@/lib/credits';
import { createTestUser } from '@/lib/testing/session-request';
import { AuditLog, CreditTransaction } from '@/models';
import { adjustUserCredits } from './adjust-user-credits';

interface BucketAudit {
  before: { paidCredits: number; freeCredits: number };
  after: { paidCredits: number; freeCredits: number; ledgerEntry: string };
}

describe('adjustUserCredits', () => {
  it('audits before/after from its own ledger write while spends race it', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const actor = { userId: admin._id.toString(), email: admin.email, role: admin.role };
    let interleaved = 0;
    for (let round = 0; round < 4; round += 1) {
      const person = await createTestUser();
      const userId = person._id.toString();
      await grantPurchasedCredits({
        userId,
        credits: 40,
        idempotencyKey: `purchase:race-${userId}`,
        description: 'race fixture',
        referenceType: 'payment',
        actor: { type: 'system' },
      });
      // Eight spends and one adjustment all in flight at once.
      const spends = Array.from({ length: 8 }, (_, i) =>
        spendCredits({
          userId,
          credits: 2,
          idempotencyKey: `usage:race-${userId}-${i}`,
          description: 'race spend',
          referenceType: 'tryon_job',
          actor: { type: 'user', id: userId },
        }),
      );
      const adjustment = adjustUserCredits({
        actor,
        userId,
        credits: 7,
        reason: 'Goodwill during a race test',
        operationId: randomUUID(),
      });
      const [result] = await Promise.all([adjustment, ...spends]);
      expect(result.replayed).toBe(false);

      const audit = await AuditLog.findOne({ action: 'credits.adjust', entityId: userId }).lean<
        BucketAudit & { _id: unknown }
      >();
      expect(audit).not.toBeNull();
      const { before, after } = audit!;
      // After is the entry the adjustment wrote, and before is that entry minus its delta …
      expect(after.ledgerEntry).toBe(result.entry.id);
      expect(after.paidCredits).toBe(result.entry.paidAfter);
      expect(before.paidCredits).toBe(after.paidCredits - 7);
      expect(before.freeCredits).toBe(after.freeCredits);
      // … which is exactly the balance of the ledger entry just before it.
      const previous = await CreditTransaction.findById(`${userId}:${result.entry.seq - 1}`).lean<{
        paidAfter: number;
        freeAfter: number;
      }>();
      expect(previous).not.toBeNull();
      expect(before).toEqual({
        paidCredits: previous!.paidAfter,
        freeCredits: previous!.freeAfter,
      });
      // Spends that landed first changed the starting point (a separate read would have missed them).
      if (result.entry.seq > 3) interleaved += 1;
    }
    // The scenario is only a race if some spends landed before the adjustment in some round.
    expect(interleaved).toBeGreaterThan(0);
    expect((await reconcile({ repair: false })).ok).toBe(true);
  });

  it('answers a replay from the ledger without a second audit entry', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const person = await createTestUser();
    const input = {
      actor: { userId: admin._id.toString(), email: admin.email, role: admin.role },
      userId: person._id.toString(),
      credits: 5,
      reason: 'Replay check for support',
      operationId: randomUUID(),
    };
    const first = await adjustUserCredits(input);
    const again = await adjustUserCredits(input);
    expect(again).toMatchObject({ replayed: true, entry: { id: first.entry.id } });
    expect(
      await AuditLog.countDocuments({ action: 'credits.adjust', entityId: input.userId }),
    ).toBe(1);
  });
});
