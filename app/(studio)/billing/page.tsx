import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { Price } from '@/components/price';
import { Button } from '@/components/ui/button';
import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/caller';
import { accountCan } from '@/lib/orgs';
import { listPayments, paymentsQuerySchema, type PaymentJson } from '@/lib/billing';
import { PaymentStatusBadge } from './payment-status-badge';
import { formatCount, formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Billing' };
export const dynamic = 'force-dynamic';

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const caller = await requirePageUser({ returnTo: '/billing' });
  // In an organisation, buying and payments are for owners and admins.
  if (!accountCan(caller, 'billing:manage')) redirect('/forbidden');
  const sp = await searchParams;
  const q = paymentsQuerySchema.safeParse({
    limit: '20',
    ...(sp.cursor ? { cursor: sp.cursor } : {}),
  });
  const page = await listPayments(
    caller.ownerId,
    q.success ? q.data : paymentsQuerySchema.parse({ limit: '20' }),
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Billing</h1>
          <p className="mt-1 text-slate-700">Your credit purchases, with receipts.</p>
        </div>
        <Button asChild>
          <Link href="/pricing">Buy credits</Link>
        </Button>
      </div>

      {page.data.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center">
          <p className="font-medium text-slate-900">No purchases yet</p>
          <p className="mt-1 text-sm text-slate-700">
            You get 3 free credits every day. Packs from 2,100 credits are discounted.
          </p>
        </div>
      ) : (
        <DataTable
          caption="Payments, newest first"
          className="min-w-[44rem]"
          columns={[
            { label: 'Date (UTC)' },
            { label: 'Credits' },
            { label: 'Amount' },
            { label: 'Discount' },
            { label: 'Status' },
            { label: 'Receipt' },
          ]}
        >
          {page.data.map((p) => (
            <PaymentRow key={p.id} p={p} />
          ))}
        </DataTable>
      )}

      {(q.success && q.data.cursor) || page.next_cursor ? (
        <nav aria-label="Pages" className="flex justify-between">
          {q.success && q.data.cursor ? (
            <Link href="/billing" className="text-brand-700 text-sm font-medium underline">
              Newest
            </Link>
          ) : (
            <span />
          )}
          {page.next_cursor && (
            <Link
              href={`/billing?cursor=${page.next_cursor}`}
              className="text-brand-700 text-sm font-medium underline"
            >
              Older payments
            </Link>
          )}
        </nav>
      ) : null}
    </div>
  );
}

function PaymentRow({ p }: { p: PaymentJson }) {
  const receipt = p.invoice_url ?? p.receipt_url;
  return (
    <tr data-testid="payment-row">
      <td className="px-4 py-3 whitespace-nowrap text-slate-700">{formatDateTime(p.created_at)}</td>
      <td className="px-4 py-3 font-medium text-slate-900 tabular-nums">
        {formatCount(p.credits)}
      </td>
      <td className="px-4 py-3 text-slate-900">
        <Price cents={p.amount_cents} currency={p.currency} />
        {p.refunded_cents > 0 && (
          <span className="block text-xs text-slate-600">
            <Price cents={p.refunded_cents} currency={p.currency} /> refunded
          </span>
        )}
      </td>
      <td className="px-4 py-3 text-slate-700">
        {p.discount_cents > 0 ? (
          <>
            <Price cents={p.discount_cents} currency={p.currency} /> (
            {(p.discount_bps / 100).toFixed(p.discount_bps % 100 ? 1 : 0)}%)
          </>
        ) : (
          '—'
        )}
      </td>
      <td className="px-4 py-3">
        <PaymentStatusBadge status={p.status} />
        {p.test_mode && <span className="ml-2 text-xs font-medium text-amber-800">test</span>}
      </td>
      <td className="px-4 py-3">
        {receipt ? (
          <a
            href={receipt}
            target="_blank"
            rel="noreferrer"
            className="text-brand-700 font-medium underline"
          >
            {p.invoice_url ? 'Invoice' : 'Receipt'}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <span className="text-slate-600">{p.test_mode ? 'Test — none' : '—'}</span>
        )}
      </td>
    </tr>
  );
}
