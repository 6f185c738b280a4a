import { CreditTransaction } from '@/models';
import { CREDIT_TX_TYPES, type CreditTxType } from '@/models/credit-transaction';
import { encodeCursor, type KeysetPosition } from '@/lib/db/keyset';
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
  /** The cursor after the last entry (`listTransactionsByCursor`); null on the last page. */
  nextCursor: string | null;
}

/** Where an entry sits in the ledger order: seq is unique per owner, so it alone orders. */
export const entryPosition = (e: LedgerEntry): KeysetPosition => ({ value: e.seq, id: e.id });

export { CREDIT_TX_TYPES };

export function transactionFilter(userId: string, q: Omit<TransactionQuery, 'page' | 'limit'>) {
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
  const where = transactionFilter(userId, q);
  const [docs, total] = await Promise.all([
    CreditTransaction.find(where)
      .sort({ seq: -1 })
      .skip((q.page - 1) * q.limit)
      .limit(q.limit)
      .lean(),
    CreditTransaction.countDocuments(where),
  ]);
  const items = docs.map((d) => toLedgerEntry(d as unknown as Parameters<typeof toLedgerEntry>[0]));
  const hasMore = q.page * q.limit < total;
  const last = items.at(-1);
  return {
    items,
    page: q.page,
    limit: q.limit,
    total,
    hasMore,
    nextCursor: hasMore && last ? encodeCursor('ledger', entryPosition(last)) : null,
  };
}

/** Every matching entry, in batches, for CSV export. */
export async function* iterateTransactions(
  userId: string,
  q: Omit<TransactionQuery, 'page' | 'limit'>,
): AsyncGenerator<LedgerEntry> {
  const cursor = CreditTransaction.find(transactionFilter(userId, q))
    .sort({ seq: -1 })
    .lean()
    .cursor({ batchSize: 500 });
  for await (const d of cursor)
    yield toLedgerEntry(d as unknown as Parameters<typeof toLedgerEntry>[0]);
}
