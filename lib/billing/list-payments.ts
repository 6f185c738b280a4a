import { Types } from 'mongoose';
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
  const hasMore = docs.length > query.limit;
  return {
    data: page.map(toPaymentJson),
    has_more: hasMore,
    next_cursor: hasMore ? (page.at(-1)?._id.toString() ?? null) : null,
  };
}
