import { listEnvelope } from '@/lib/api/list';
import { apiRoute } from '@/lib/api/route';
import { apiQueryObject } from '@/lib/api/shared-schemas';
import {
  listTransactions,
  listTransactionsByCursor,
  serializeTransaction,
  toRange,
  transactionQuerySchema,
  transactionsCsvStream,
} from '@/lib/credits';

export const dynamic = 'force-dynamic';

// GET /api/v1/credits/transactions — the caller's ledger, newest first (JSON pages by page or cursor, or CSV with format=csv)
export const GET = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  const q = transactionQuerySchema.parse(apiQueryObject(req));
  const filter = {
    ...(q.type ? { type: q.type } : {}),
    ...(q.date_from ? { dateFrom: toRange(q.date_from, 'start') } : {}),
    ...(q.date_to ? { dateTo: toRange(q.date_to, 'end') } : {}),
  };
  if (q.format === 'csv') {
    return new Response(transactionsCsvStream(caller.ownerId, filter), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="trailroom-credits-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  }
  if (q.starting_after || q.ending_before) {
    const cursorPage = await listTransactionsByCursor(caller.ownerId, {
      ...filter,
      limit: q.limit,
      ...(q.starting_after ? { startingAfter: q.starting_after } : {}),
      ...(q.ending_before ? { endingBefore: q.ending_before } : {}),
    });
    return listEnvelope(cursorPage.items.map(serializeTransaction), {
      limit: cursorPage.limit,
      hasMore: cursorPage.hasMore,
      nextCursor: cursorPage.nextCursor,
    });
  }
  const page = await listTransactions(caller.ownerId, { ...filter, page: q.page, limit: q.limit });
  return listEnvelope(page.items.map(serializeTransaction), {
    page: page.page,
    limit: page.limit,
    total: page.total,
    hasMore: page.hasMore,
    nextCursor: page.nextCursor,
  });
});
