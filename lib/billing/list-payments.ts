import { Types } from 'mongoose';
import { listEnvelope } from '@/lib/api/list';
import { Payment, type PaymentDoc } from '@/models';
import type { PaymentsPageJson, PaymentsQuery } from './schemas';
import { toPaymentJson } from './serialize';

/** The user's payments, newest first, cursor-paginated by id (ObjectIds grow with time). */
export async function listPayments(
  userId: string,
  query: PaymentsQuery,
): Promise<PaymentsPageJson> {
  const filter: Record<string, unknown> = { userId: new Types.ObjectId(userId) };
  if (query.cursor) filter._id = { $lt: new Types.ObjectId(query.cursor) };
  const docs = await Payment.find(filter)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean<PaymentDoc[]>();
  const page = docs.slice(0, query.limit);
  // This list's JSON never carried `limit`: the envelope without it.
  const { limit: _limit, ...envelope } = listEnvelope(page.map(toPaymentJson), {
    limit: query.limit,
    hasMore: docs.length > query.limit,
    nextCursor: page.at(-1)?._id.toString() ?? null,
  });
  return { ...envelope, next_cursor: envelope.next_cursor ?? null };
}
