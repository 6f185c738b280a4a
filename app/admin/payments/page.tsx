import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { StatusPill } from '@/components/admin/status-pill';
import { Price } from '@/components/price';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { requireAdminPage } from '@/lib/auth/caller';
import { adminListPayments, adminPaymentsQuery } from '@/lib/billing';
import { PAYMENT_STATUSES } from '@/models/payment';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Payments · Admin' };
export const dynamic = 'force-dynamic';

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900';

export default async function AdminPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdminPage('/admin/payments', 'payments:read');
  const sp = await searchParams;
  const parsed = adminPaymentsQuery.safeParse({
    status: sp.status || undefined,
    user: sp.user || undefined,
    date_from: sp.date_from || undefined,
    date_to: sp.date_to || undefined,
    page: sp.page ?? '1',
  });
  const query = parsed.success ? parsed.data : adminPaymentsQuery.parse({});
  const result = await adminListPayments(query);
  const totals = result.totals.length
    ? result.totals
    : [{ currency: 'usd', count: 0, gross_cents: 0, refunded_cents: 0, net_cents: 0 }];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Payments</h1>
        <p className="mt-1 text-slate-700">
          Every credit purchase. Totals count paid payments matching the filters.
        </p>
      </div>

      {!parsed.success && (
        <p
          role="alert"
          className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Some filters were not valid ({parsed.error.issues[0]?.message}); showing all payments
          instead.
        </p>
      )}

      <form
        role="search"
        aria-label="Filter payments"
        action="/admin/payments"
        className="grid gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto_auto] lg:items-end"
      >
        <div>
          <label htmlFor="p-user" className="block text-sm font-medium text-slate-800">
            User email or id
          </label>
          <input
            id="p-user"
            name="user"
            type="search"
            defaultValue={query.user ?? ''}
            placeholder="e.g. ana@"
            className={field}
          />
        </div>
        <div>
          <label htmlFor="p-status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select id="p-status" name="status" defaultValue={query.status ?? ''} className={field}>
            <option value="">Any</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="p-from" className="block text-sm font-medium text-slate-800">
            Created from
          </label>
          <input
            id="p-from"
            name="date_from"
            type="date"
            defaultValue={query.date_from ?? ''}
            className={field}
          />
        </div>
        <div>
          <label htmlFor="p-to" className="block text-sm font-medium text-slate-800">
            Created to
          </label>
          <input
            id="p-to"
            name="date_to"
            type="date"
            defaultValue={query.date_to ?? ''}
            className={field}
          />
        </div>
        <Button type="submit">Filter</Button>
        <Button asChild variant="ghost">
          <Link href="/admin/payments">Clear</Link>
        </Button>
      </form>

      <section aria-label="Totals for the filters" className="space-y-3">
        {totals.map((t) => (
          <ul key={t.currency} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {[
              { label: 'Paid payments', value: t.count.toLocaleString('en') },
              {
                label: `Gross (${t.currency.toUpperCase()})`,
                value: <Price cents={t.gross_cents} currency={t.currency} />,
              },
              {
                label: 'Refunded',
                value: <Price cents={t.refunded_cents} currency={t.currency} />,
              },
              { label: 'Net', value: <Price cents={t.net_cents} currency={t.currency} /> },
            ].map((tile) => (
              <li key={tile.label}>
                <Card className="h-full p-5">
                  <p className="text-sm text-slate-600">{tile.label}</p>
                  <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
                    {tile.value}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        ))}
      </section>

      {result.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-10 text-center text-slate-600">
          No payments match these filters.
        </p>
      ) : (
        <DataTable
          caption="Payments matching the filters"
          className="min-w-[52rem]"
          columns={[
            { label: 'Payment' },
            { label: 'Person' },
            { label: 'Status' },
            { label: 'Credits', align: 'right' },
            { label: 'Amount', align: 'right' },
            { label: 'Refunded', align: 'right' },
            { label: 'Created (UTC)' },
          ]}
        >
          {result.data.map((p) => (
            <tr key={p.id} className="align-top hover:bg-slate-50">
              <td className="px-4 py-2">
                <Link
                  href={`/admin/payments/${p.id}`}
                  className="text-brand-700 font-mono text-xs font-medium underline-offset-2 hover:underline"
                  aria-label={`Payment ${p.id}`}
                >
                  {p.id.slice(-8)}
                </Link>
                {p.test_mode && <span className="block text-xs text-slate-600">test checkout</span>}
              </td>
              <td
                className="max-w-52 truncate px-4 py-2 text-slate-900"
                title={p.user.email ?? p.user.id}
              >
                {p.user.email ?? p.user.id}
              </td>
              <td className="px-4 py-2">
                <StatusPill status={p.status} />
                {p.credits_shortfall > 0 && (
                  <span className="block text-xs text-amber-800">
                    shortfall {p.credits_shortfall}
                  </span>
                )}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">
                {p.credits.toLocaleString('en')}
              </td>
              <td className="px-4 py-2 text-right">
                <Price cents={p.amount_cents} currency={p.currency} />
              </td>
              <td className="px-4 py-2 text-right">
                {p.refunded_cents > 0 ? (
                  <Price cents={p.refunded_cents} currency={p.currency} />
                ) : (
                  '—'
                )}
              </td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                {formatDateTime(p.created_at)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        basePath="/admin/payments"
        params={{
          status: query.status,
          user: query.user,
          date_from: query.date_from,
          date_to: query.date_to,
        }}
        page={result.page}
        limit={result.limit}
        total={result.total}
      />
    </div>
  );
}
