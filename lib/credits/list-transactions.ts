import { CreditTransaction } from '@/models';
import { CREDIT_TX_TYPES, type CreditTxType } from '@/models/credit-transaction';
import { connectDb } from '@/lib/db';
import { toLedgerEntry, toObjectId } from './ledger';
import type { LedgerEntry } from './types';

export interface TransactionQuery {
  page: number;
  limit: number;
  type?: CreditTxType;
  dateFrom?: Date;
  /** Inclusive: entries up to the end of this instant. */
  dateTo?: Date;
}

export interface TransactionPage {
  items: LedgerEntry[];
  page: number;
  limit: number;
  total: number;
  hasMore: boolean;
}

export { CREDIT_TX_TYPES };

function filter(userId: string, q: Omit<TransactionQuery, 'page' | 'limit'>) {
  const createdAt: Record<string, Date> = {};
  if (q.dateFrom) createdAt.$gte = q.dateFrom;
  if (q.dateTo) createdAt.$lte = q.dateTo;
  return {
    userId: toObjectId(userId),
    ...(q.type ? { type: q.type } : {}),
    ...(Object.keys(createdAt).length ? { createdAt } : {}),
  };
}

/** The owner's ledger, newest first. */
export async function listTransactions(
  userId: string,
  q: TransactionQuery,
): Promise<TransactionPage> {
  await connectDb();
  const where = filter(userId, q);
  const [docs, total] = await Promise.all([
    CreditTransaction.find(where)
      .sort({ seq: -1 })
      .skip((q.page - 1) * q.limit)
      .limit(q.limit)
      .lean(),
    CreditTransaction.countDocuments(where),
  ]);
  return {
    items: docs.map((d) => toLedgerEntry(d as unknown as Parameters<typeof toLedgerEntry>[0])),
    page: q.page,
    limit: q.limit,
    total,
    hasMore: q.page * q.limit < total,
  };
}

/** Every matching entry, in batches, for CSV export. */
export async function* iterateTransactions(
  userId: string,
  q: Omit<TransactionQuery, 'page' | 'limit'>,
): AsyncGenerator<LedgerEntry> {
  await connectDb();
  const cursor = CreditTransaction.find(filter(userId, q))
    .sort({ seq: -1 })
    .lean()
    .cursor({ batchSize: 500 });
  for await (const d of cursor)
    yield toLedgerEntry(d as unknown as Parameters<typeof toLedgerEntry>[0]);
}
