import type { Types } from 'mongoose';
import { CreditTransaction, Organization, User } from '@/models';
import { groupSums } from '@/lib/db';
import { logger } from '@/lib/log';
import { entryId } from './ledger';

export interface ProjectionDifference {
  /** The owner id (a person or an organisation). */
  userId: string;
  ownerType: 'user' | 'organization';
  ledger: { free: number; paid: number; seq: number };
  projection: { free: number; paid: number; seq: number };
  repaired: boolean;
}

export interface LedgerInconsistency {
  userId: string;
  problem: string;
}

export interface ReconcileReport {
  /** Ledgers checked (people and organisations). */
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

type ProjectionDoc = { freeCredits?: number; paidCredits?: number; ledgerSeq?: number };

/** The owner's projection: the user document, else the organisation's. */
async function projectionOf(
  id: Types.ObjectId,
): Promise<{ kind: 'user' | 'organization'; doc: ProjectionDoc } | null> {
  const fields = { freeCredits: 1, paidCredits: 1, ledgerSeq: 1 };
  const user = await User.findById(id, fields).lean<ProjectionDoc>();
  if (user) return { kind: 'user', doc: user };
  const org = await Organization.findById(id, fields).lean<ProjectionDoc>();
  return org ? { kind: 'organization', doc: org } : null;
}

async function writeProjection(
  kind: 'user' | 'organization',
  id: Types.ObjectId,
  $set: Record<string, unknown>,
): Promise<void> {
  if (kind === 'organization') await Organization.updateOne({ _id: id }, { $set });
  else await User.updateOne({ _id: id }, { $set });
}

/**
 * Recomputes every balance from the ledger (people's and organisations'). Checks each ledger's chain (seq
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
    const owner = await projectionOf(g._id);
    if (!owner) {
      inconsistencies.push({ userId, problem: 'ledger entries for an owner that does not exist' });
      continue;
    }
    const user = owner.doc;
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
        await writeProjection(owner.kind, g._id, {
          freeCredits: ledger.free,
          paidCredits: ledger.paid,
          ledgerSeq: ledger.seq,
          freeCreditsDay: head.freeDay,
        });
      }
      differences.push({ userId, ownerType: owner.kind, ledger, projection, repaired: repair });
    }
  }

  // Owners with a balance but no ledger at all: the balance came from nowhere.
  const nonZero = {
    $or: [{ freeCredits: { $ne: 0 } }, { paidCredits: { $ne: 0 } }, { ledgerSeq: { $ne: 0 } }],
  };
  const fields = { freeCredits: 1, paidCredits: 1, ledgerSeq: 1 };
  type Orphan = ProjectionDoc & { _id: Types.ObjectId };
  const orphans = [
    ...(await User.find(nonZero, fields).lean<Orphan[]>()).map((u) => ({
      kind: 'user' as const,
      u,
    })),
    ...(await Organization.find(nonZero, fields).lean<Orphan[]>()).map((u) => ({
      kind: 'organization' as const,
      u,
    })),
  ];
  for (const { kind, u } of orphans) {
    const userId = u._id.toString();
    if (seen.has(userId)) continue;
    if (repair)
      await writeProjection(kind, u._id, { freeCredits: 0, paidCredits: 0, ledgerSeq: 0 });
    differences.push({
      userId,
      ownerType: kind,
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
