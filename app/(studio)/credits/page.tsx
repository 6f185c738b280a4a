import type { Metadata } from 'next';
import Link from 'next/link';
import { Countdown } from '@/components/credits/countdown';
import { UsageChart } from '@/components/credits/usage-chart';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { requirePageUser } from '@/lib/auth/caller';
import {
  getBalance,
  listTransactions,
  toRange,
  transactionQuerySchema,
  usageSeries,
  CREDIT_COSTS,
} from '@/lib/credits';
import { CREDIT_TX_TYPES } from '@/models/credit-transaction';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Credits' };
export const dynamic = 'force-dynamic';

const TYPE_LABELS: Record<(typeof CREDIT_TX_TYPES)[number], string> = {
  free: 'Daily free',
  purchase: 'Purchase',
  usage: 'Try-on',
  refund: 'Refund',
  admin_adjustment: 'Adjustment',
  chargeback: 'Taken back',
};

export default async function CreditsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const caller = await requirePageUser({ returnTo: '/credits' });
  const raw = await searchParams;
  const given = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = transactionQuerySchema.safeParse({ ...given, limit: '20' });
  const q = parsed.success ? parsed.data : transactionQuerySchema.parse({ limit: '20' });
  const filter = {
    ...(q.type ? { type: q.type } : {}),
    ...(q.date_from ? { dateFrom: toRange(q.date_from, 'start') } : {}),
    ...(q.date_to ? { dateTo: toRange(q.date_to, 'end') } : {}),
  };
  // The balance read writes today's free top-up; read the history after it.
  const balance = await getBalance(caller.ownerId);
  const [series, page] = await Promise.all([
    usageSeries(caller.ownerId, 30),
    listTransactions(caller.ownerId, { ...filter, page: q.page, limit: q.limit }),
  ]);
  const params = (extra: Record<string, string | number | undefined>) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({
      type: q.type,
      date_from: q.date_from,
      date_to: q.date_to,
      ...extra,
    })) {
      if (v !== undefined && v !== '') sp.set(k, String(v));
    }
    return sp.toString();
  };
  const totalPages = Math.max(1, Math.ceil(page.total / page.limit));

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Credits</h1>
          <p className="mt-1 text-slate-700">
            A top-only try-on costs {CREDIT_COSTS.top} credit, a full outfit {CREDIT_COSTS.full}.
            Free credits are used first.
          </p>
        </div>
        <Link
          href="/pricing"
          className="bg-brand-700 hover:bg-brand-800 inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-white max-sm:min-h-11"
        >
          Buy credits
        </Link>
      </div>

      {!parsed.success && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Some filters were not valid and were ignored: {parsed.error.issues[0]?.message}
        </p>
      )}

      <section aria-label="Balances" className="grid gap-4 sm:grid-cols-3">
        <Card>
          <h2 className="text-sm font-medium text-slate-600">Free today</h2>
          <p
            className="mt-1 text-3xl font-bold text-slate-900 tabular-nums"
            data-testid="free-balance"
          >
            {balance.free}
            <span className="text-base font-medium text-slate-500">
              {' '}
              / {balance.dailyAllowance}
            </span>
          </p>
          <p className="mt-2 text-sm text-slate-600">
            Tops up to {balance.dailyAllowance} in{' '}
            <Countdown target={balance.nextTopUpAt.toISOString()} label="Free credits top up in" />
          </p>
        </Card>
        <Card>
          <h2 className="text-sm font-medium text-slate-600">Purchased</h2>
          <p
            className={`mt-1 text-3xl font-bold tabular-nums ${balance.paid < 0 ? 'text-red-700' : 'text-slate-900'}`}
            data-testid="paid-balance"
          >
            {balance.paid}
          </p>
          <p className="mt-2 text-sm text-slate-600">
            {balance.paid < 0
              ? 'Owed after a chargeback; repaid by your next purchase.'
              : 'Never expire.'}
          </p>
        </Card>
        <Card>
          <h2 className="text-sm font-medium text-slate-600">Total available</h2>
          <p
            className="mt-1 text-3xl font-bold text-slate-900 tabular-nums"
            data-testid="total-balance"
          >
            {balance.free + Math.max(0, balance.paid)}
          </p>
          <p className="mt-2 text-sm text-slate-600">
            Enough for {Math.floor((balance.free + Math.max(0, balance.paid)) / CREDIT_COSTS.top)}{' '}
            top-only try-ons.
          </p>
        </Card>
      </section>

      <section aria-labelledby="usage-heading">
        <Card>
          <h2 id="usage-heading" className="mb-4 text-lg font-semibold text-slate-900">
            Last 30 days
          </h2>
          <UsageChart points={series} />
        </Card>
      </section>

      <section aria-labelledby="history-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
            History
          </h2>
          <a
            href={`/api/v1/credits/transactions?${params({ format: 'csv' })}`}
            className="inline-flex items-center rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 max-sm:min-h-11"
            download
          >
            Export CSV
          </a>
        </div>
        <form
          method="get"
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
        >
          <div>
            <label htmlFor="type" className="block text-xs font-medium text-slate-700">
              Type
            </label>
            <select
              id="type"
              name="type"
              defaultValue={q.type ?? ''}
              className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              <option value="">All types</option>
              {CREDIT_TX_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="date_from" className="block text-xs font-medium text-slate-700">
              From
            </label>
            <input
              id="date_from"
              name="date_from"
              type="date"
              defaultValue={q.date_from?.slice(0, 10)}
              className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            />
          </div>
          <div>
            <label htmlFor="date_to" className="block text-xs font-medium text-slate-700">
              To
            </label>
            <input
              id="date_to"
              name="date_to"
              type="date"
              defaultValue={q.date_to?.slice(0, 10)}
              className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            />
          </div>
          <button
            type="submit"
            className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-800 max-sm:min-h-11"
          >
            Filter
          </button>
          {(q.type || q.date_from || q.date_to) && (
            <Link
              href="/credits"
              className="text-brand-700 px-2 py-1.5 text-sm underline underline-offset-4"
            >
              Clear
            </Link>
          )}
        </form>

        {page.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
            {page.total === 0 && !q.type && !q.date_from && !q.date_to
              ? 'No credit activity yet.'
              : 'Nothing matches these filters.'}
          </p>
        ) : (
          <DataTable
            caption="Credit transactions, newest first"
            columns={[
              { label: 'Date (UTC)' },
              { label: 'Type' },
              { label: 'Description' },
              { label: 'Credits', align: 'right' },
              { label: 'Balance', align: 'right' },
            ]}
          >
            {page.items.map((t) => (
              <tr key={t.id}>
                <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                  {formatDateTime(t.createdAt)}
                </td>
                <td className="px-4 py-2">
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">
                    {TYPE_LABELS[t.type]}
                  </span>
                </td>
                <td className="px-4 py-2 text-slate-800">{t.description}</td>
                <td
                  className={`px-4 py-2 text-right font-medium tabular-nums ${t.credits < 0 ? 'text-red-700' : 'text-emerald-700'}`}
                >
                  {t.credits > 0 ? `+${t.credits}` : t.credits}
                </td>
                <td className="px-4 py-2 text-right text-slate-800 tabular-nums">
                  {t.balanceAfter}
                </td>
              </tr>
            ))}
          </DataTable>
        )}

        {page.total > page.limit && (
          <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
            <span className="text-slate-600">
              Page {page.page} of {totalPages} · {page.total} entries
            </span>
            <span className="flex gap-2">
              {page.page > 1 && (
                <Link
                  href={`/credits?${params({ page: page.page - 1 })}`}
                  className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
                >
                  Previous
                </Link>
              )}
              {page.hasMore && (
                <Link
                  href={`/credits?${params({ page: page.page + 1 })}`}
                  className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
                >
                  Next
                </Link>
              )}
            </span>
          </nav>
        )}
      </section>
    </div>
  );
}
