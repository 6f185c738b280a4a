import { iterateTransactions, type TransactionQuery } from './list-transactions';
import { csvHeader, csvRow } from './serialize';

/** The owner's matching ledger entries as a streamed CSV body. */
export function transactionsCsvStream(
  userId: string,
  q: Omit<TransactionQuery, 'page' | 'limit'>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = iterateTransactions(userId, q);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader()));
        return;
      }
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRow(next.value)));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
