import Link from 'next/link';
import { StatusPill } from '@/components/admin/status-pill';
import { Price } from '@/components/price';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { AdminPaymentJson, PaymentTotalsJson } from '@/lib/billing/admin-schemas';
import { formatCount, formatDateTime } from '@/lib/format';

/** Count, gross, refunded and net of the paid payments in a filter: one row of tiles per currency. */
export function PaymentTotals({ totals }: { totals: PaymentTotalsJson[] }) {
  const rows = totals.length
    ? totals
    : [{ currency: 'usd', count: 0, gross_cents: 0, refunded_cents: 0, net_cents: 0 }];
  return (
    <section aria-label="Totals for the filters" className="space-y-3">
      {rows.map((t) => (
        <ul key={t.currency} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[
            { label: 'Paid payments', value: formatCount(t.count) },
            {
              label: `Gross (${t.currency.toUpperCase()})`,
              value: <Price cents={t.gross_cents} currency={t.currency} />,
            },
            { label: 'Refunded', value: <Price cents={t.refunded_cents} currency={t.currency} /> },
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
  );
}

/** The admin payments list; scrolls inside its frame on phones. */
export function PaymentsTable({ payments }: { payments: AdminPaymentJson[] }) {
  return (
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
      {payments.map((p) => (
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
            <Link href={`/admin/users/${p.user.id}`} className="hover:underline">
              {p.user.email ?? p.user.id}
            </Link>
          </td>
          <td className="px-4 py-2">
            <StatusPill status={p.status} />
            {p.credits_shortfall > 0 && (
              <span className="block text-xs text-amber-800">shortfall {p.credits_shortfall}</span>
            )}
          </td>
          <td className="px-4 py-2 text-right tabular-nums">{formatCount(p.credits)}</td>
          <td className="px-4 py-2 text-right">
            <Price cents={p.amount_cents} currency={p.currency} />
          </td>
          <td className="px-4 py-2 text-right">
            {p.refunded_cents > 0 ? <Price cents={p.refunded_cents} currency={p.currency} /> : '—'}
          </td>
          <td className="px-4 py-2 whitespace-nowrap text-slate-700">
            {formatDateTime(p.created_at)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
