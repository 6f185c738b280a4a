import { CreditTransaction } from '@/models';
import { decodeCursors, keysetPage, keysetQuery } from '@/lib/db/keyset';
import { toLedgerEntry } from './ledger';
import { entryPosition, transactionFilter, type TransactionQuery } from './list-transactions';
import type { LedgerEntry } from './types';

export interface TransactionCursorPage {
  items: LedgerEntry[];
  limit: number;
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * A keyset page of the owner's ledger, newest first: `limit + 1` entries
 * after (`startingAfter`) or before (`endingBefore`) a cursor, read from the
 * unique `(userId, seq)` index — no count, no skip. 400 `invalid_cursor` for
 * a cursor the ledger did not issue.
 */
export async function listTransactionsByCursor(
  userId: string,
  q: Omit<TransactionQuery, 'page'> & { startingAfter?: string; endingBefore?: string },
): Promise<TransactionCursorPage> {
  const cursors = decodeCursors('ledger', {
    ...(q.startingAfter ? { starting_after: q.startingAfter } : {}),
    ...(q.endingBefore ? { ending_before: q.endingBefore } : {}),
  });
  const k = keysetQuery('seq', cursors, 'none');
  const docs = await CreditTransaction.find({ ...transactionFilter(userId, q), ...k.filter })
    .sort(k.sort)
    .limit(q.limit + 1)
    .lean();
  const entries = docs.map((d) =>
    toLedgerEntry(d as unknown as Parameters<typeof toLedgerEntry>[0]),
  );
  const page = keysetPage(entries, q.limit, k.reversed, entryPosition, 'ledger');
  return {
    items: page.rows,
    limit: q.limit,
    hasMore: page.hasMore,
    nextCursor: page.hasMore ? page.nextCursor : null,
  };
}
