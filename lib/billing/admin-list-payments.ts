import type { QueryFilter } from 'mongoose';
import { offsetPage, pageOffset } from '@/lib/api/list';
import { toRange } from '@/lib/credits';
import { groupSums } from '@/lib/db';
import { emailsByUserId, findUserIdsForFilter } from '@/lib/users';
import { Payment, type PaymentDoc } from '@/models';
import type { AdminPaymentPageJson, AdminPaymentsQuery, PaymentTotalsJson } from './admin-schemas';
import { toAdminPaymentJson } from './admin-serialize';

type PaymentFilter = QueryFilter<PaymentDoc>;

async function paymentFilter(query: AdminPaymentsQuery): Promise<PaymentFilter | null> {
  const filter: PaymentFilter = {};
  if (query.status) filter.status = query.status;
  if (query.user) {
    const ids = await findUserIdsForFilter(query.user);
    if (ids.length === 0) return null;
    filter.userId = { $in: ids };
  }
  if (query.date_from || query.date_to) {
    filter.createdAt = {
      ...(query.date_from ? { $gte: toRange(query.date_from, 'start') } : {}),
      ...(query.date_to ? { $lte: toRange(query.date_to, 'end') } : {}),
    };
  }
  return filter;
}

/**
 * Money totals of the paid payments in a filter, per currency, in integer
 * cents: gross (what was charged), refunded, net = gross − refunded. One
 * accumulator per pipeline (groupSums: FerretDB computes only the first).
 */
export async function paymentTotals(filter: PaymentFilter): Promise<PaymentTotalsJson[]> {
  const rows = await groupSums(Payment as never, {
    match: { ...filter, paidAt: { $exists: true, $ne: null } },
    by: '$currency',
    sums: { count: 1, gross: '$amountCents', refunded: '$refundedCents' },
  });
  return rows
    .map((r) => ({
      currency: String(r._id),
      count: r.count,
      gross_cents: r.gross,
      refunded_cents: r.refunded,
      net_cents: r.gross - r.refunded,
    }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Every user's payments for finance: filters, totals for the filter, newest first, paginated. */
export async function adminListPayments(query: AdminPaymentsQuery): Promise<AdminPaymentPageJson> {
  const filter = await paymentFilter(query);
  if (!filter) {
    const { data, ...page } = offsetPage([], query, 0);
    return { data, totals: [], ...page };
  }
  const [docs, total, totals] = await Promise.all([
    Payment.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(pageOffset(query))
      .limit(query.limit)
      .lean<PaymentDoc[]>(),
    Payment.countDocuments(filter),
    paymentTotals(filter),
  ]);
  const emails = await emailsByUserId(docs.map((d) => d.userId));
  const { data, ...page } = offsetPage(
    docs.map((d) => toAdminPaymentJson(d, emails.get(d.userId.toString()) ?? null)),
    query,
    total,
  );
  return { data, totals, ...page };
}
