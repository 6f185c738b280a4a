import type { Types } from 'mongoose';
import { CreditTransaction, User } from '@/models';
import { groupSums } from '@/lib/db';
import { logger } from '@/lib/log';
import { entryId } from './ledger';

export interface ProjectionDifference {
  userId: string;
  ledger: { free: number; paid: number; seq: number };
  projection: { free: number; paid: number; seq: number };
  repaired: boolean;
}

export interface LedgerInconsistency {
  userId: string;
  problem: string;
}

export interface ReconcileReport {
  checkedUsers: number;
  checkedEntries: number;
  /** Users whose balance on the user document disagreed with their ledger. */
  differences: ProjectionDifference[];
  /** Ledgers whose entries do not add up (never expected; not auto-repaired). */
  inconsistencies: LedgerInconsistency[];
  ok: boolean;
}

interface Group {
  _id: Types.ObjectId;
  free: number;
  paid: number;
  entries: number;
}

/**
 * Recomputes every balance from the ledger. Checks each ledger's chain (seq
 * 1..n without gaps, running totals equal to the sums of the deltas) and the
 * user documents' projection of it; repairs a projection left behind (an
 * entry written but not projected, e.g. a crash in between) when `repair`.
 */
export async function reconcile(opts: { repair?: boolean } = {}): Promise<ReconcileReport> {
  const repair = opts.repair ?? true;
  const groups = (await groupSums(CreditTransaction as never, {
    by: '$userId',
    sums: { free: '$freeDelta', paid: '$paidDelta', entries: 1 },
  })) as Group[];
  const differences: ProjectionDifference[] = [];
  const inconsistencies: LedgerInconsistency[] = [];
  let checkedEntries = 0;
  const seen = new Set<string>();

  for (const g of groups) {
    const userId = g._id.toString();
    seen.add(userId);
    checkedEntries += g.entries;
    // In a sound chain the head is entry n (an `_id` read, no sort needed).
    const head = await CreditTransaction.findById(entryId(userId, g.entries), {
      seq: 1,
      freeAfter: 1,
      paidAfter: 1,
      freeDay: 1,
    }).lean<{
      seq: number;
      freeAfter: number;
      paidAfter: number;
      freeDay: string;
    }>();
    if (!head) {
      inconsistencies.push({
        userId,
        problem: `${g.entries} entries but no entry with seq ${g.entries}`,
      });
      continue;
    }
    if (await CreditTransaction.exists({ _id: entryId(userId, g.entries + 1) })) {
      inconsistencies.push({
        userId,
        problem: `entries beyond seq ${g.entries}: the chain has a gap`,
      });
    }
    if (head.freeAfter !== g.free || head.paidAfter !== g.paid) {
      inconsistencies.push({
        userId,
        problem: `running totals (free ${head.freeAfter}, paid ${head.paidAfter}) differ from sums of deltas (free ${g.free}, paid ${g.paid})`,
      });
    }
    const user = await User.findById(g._id, { freeCredits: 1, paidCredits: 1, ledgerSeq: 1 }).lean<{
      freeCredits?: number;
      paidCredits?: number;
      ledgerSeq?: number;
    }>();
    if (!user) {
      inconsistencies.push({ userId, problem: 'ledger entries for a user that does not exist' });
      continue;
    }
    const projection = {
      free: user.freeCredits ?? 0,
      paid: user.paidCredits ?? 0,
      seq: user.ledgerSeq ?? 0,
    };
    const ledger = { free: head.freeAfter, paid: head.paidAfter, seq: head.seq };
    if (
      projection.free !== ledger.free ||
      projection.paid !== ledger.paid ||
      projection.seq !== ledger.seq
    ) {
      if (repair) {
        await User.updateOne(
          { _id: g._id },
          {
            $set: {
              freeCredits: ledger.free,
              paidCredits: ledger.paid,
              ledgerSeq: ledger.seq,
              freeCreditsDay: head.freeDay,
            },
          },
        );
      }
      differences.push({ userId, ledger, projection, repaired: repair });
    }
  }

  // Users with a balance but no ledger at all: the balance came from nowhere.
  const orphans = await User.find(
    { $or: [{ freeCredits: { $ne: 0 } }, { paidCredits: { $ne: 0 } }, { ledgerSeq: { $ne: 0 } }] },
    { freeCredits: 1, paidCredits: 1, ledgerSeq: 1 },
  ).lean<
    Array<{ _id: Types.ObjectId; freeCredits?: number; paidCredits?: number; ledgerSeq?: number }>
  >();
  for (const u of orphans) {
    const userId = u._id.toString();
    if (seen.has(userId)) continue;
    if (repair)
      await User.updateOne(
        { _id: u._id },
        { $set: { freeCredits: 0, paidCredits: 0, ledgerSeq: 0 } },
      );
    differences.push({
      userId,
      ledger: { free: 0, paid: 0, seq: 0 },
      projection: { free: u.freeCredits ?? 0, paid: u.paidCredits ?? 0, seq: u.ledgerSeq ?? 0 },
      repaired: repair,
    });
  }

  const report: ReconcileReport = {
    checkedUsers: groups.length,
    checkedEntries,
    differences,
    inconsistencies,
    ok: differences.length === 0 && inconsistencies.length === 0,
  };
  if (!report.ok)
    logger.warn(
      { differences: differences.length, inconsistencies: inconsistencies.length },
      'reconcile found differences',
    );
  return report;
}
