import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminHistory } from '@/components/admin/audit-table';
import { FactCard } from '@/components/admin/fact-card';
import { StatusPill } from '@/components/admin/status-pill';
import { Price } from '@/components/price';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { adminGetPayment } from '@/lib/billing';
import { AppError } from '@/lib/errors';
import { RefundPayment } from './refund-client';
import { formatCount, formatUtc } from '@/lib/format';

export const metadata: Metadata = { title: 'Payment · Admin' };
export const dynamic = 'force-dynamic';

const when = (iso: string | null) => formatUtc(iso, { seconds: true });
const mono = (v: string | null) =>
  v ? <span className="font-mono text-xs break-all">{v}</span> : '—';

export default async function AdminPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireAdminPage(`/admin/payments/${id}`, 'payments:read');
  const p = await adminGetPayment(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const history = can(caller.role, 'audit:read')
    ? await listAuditLogs(
        listAuditLogsQuery.parse({ entity_type: 'payment', entity_id: id, limit: '20' }),
      )
    : null;

  const facts: Array<[string, ReactNode]> = [
    ['Person', p.user.email ? <span className="break-all">{p.user.email}</span> : mono(p.user.id)],
    ['Provider', p.provider === 'local' ? 'Local test checkout (no real money)' : 'Stripe'],
    ['Checkout session', mono(p.checkout_session_id)],
    ['Payment intent', mono(p.payment_intent_id)],
    ['Charge', mono(p.charge_id)],
    ['Customer', mono(p.customer_id)],
    ['Created', when(p.created_at)],
    ['Paid', when(p.paid_at)],
    ['Pricing version', p.pricing_version],
    ['Dispute', p.dispute_status ?? '—'],
  ];

  return (
    <div className="space-y-6">
      <Link
        href="/admin/payments"
        className="text-brand-700 text-sm font-medium underline underline-offset-2"
      >
        ← All payments
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">
          <Price cents={p.amount_cents} currency={p.currency} /> · {formatCount(p.credits)} credits
        </h1>
        <StatusPill status={p.status} className="text-sm" />
        {p.test_mode && <StatusPill status="test checkout" className="text-sm" />}
      </div>
      {p.flagged_reason && (
        <p
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Flagged: {p.flagged_reason}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <FactCard title="Details" facts={facts} className="lg:col-span-2" />
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Money and credits</h2>
          <dl className="mt-4 space-y-2 text-sm">
            {(
              [
                ['List price', <Price key="l" cents={p.list_amount_cents} currency={p.currency} />],
                ['Discount', <Price key="d" cents={p.discount_cents} currency={p.currency} />],
                ['Charged', <Price key="c" cents={p.amount_cents} currency={p.currency} />],
                ['Refunded', <Price key="r" cents={p.refunded_cents} currency={p.currency} />],
                ['Refundable', <Price key="f" cents={p.refundable_cents} currency={p.currency} />],
                ['Credits granted', formatCount(p.credits_granted)],
                ['Credits taken back', formatCount(p.credits_revoked)],
                ['Shortfall (spent)', formatCount(p.credits_shortfall)],
              ] as Array<[string, ReactNode]>
            ).map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>

      {can(caller.role, 'payments:refund') && (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Refund</h2>
          <div className="mt-3">
            <RefundPayment
              paymentId={p.id}
              refundableCents={p.refundable_cents}
              currency={p.currency}
              via={p.refund_via}
              canRefund={p.can_refund}
              blockedReason={
                !p.paid_at
                  ? `Not paid (${p.status.replace(/_/g, ' ')}): there is nothing to refund.`
                  : p.dispute_status
                    ? 'Disputed: the dispute settles the money, not a refund.'
                    : 'Fully refunded.'
              }
            />
          </div>
        </Card>
      )}

      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-xl font-semibold text-slate-900">
          Timeline
        </h2>
        <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
          {p.timeline.map((t, i) => (
            <li key={`${t.at}-${i}`} className="relative">
              <span
                aria-hidden
                className="absolute top-1.5 -left-[1.3rem] h-2 w-2 rounded-full bg-slate-400"
              />
              <span className="text-slate-600">{when(t.at)}</span>
              <span className="block text-slate-900">
                {t.text}
                {t.amount_cents != null && (
                  <>
                    {' '}
                    · <Price cents={t.amount_cents} currency={p.currency} />
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="ledger" className="space-y-3">
        <h2 id="ledger" className="text-xl font-semibold text-slate-900">
          Ledger entries
        </h2>
        {p.ledger.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
            No credits moved for this payment.
          </p>
        ) : (
          <DataTable
            caption="Ledger entries of this payment"
            columns={[
              { label: 'When (UTC)' },
              { label: 'Type' },
              { label: 'Credits', align: 'right' },
              { label: 'Balance after', align: 'right' },
              { label: 'Key' },
            ]}
          >
            {p.ledger.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="px-4 py-2 whitespace-nowrap text-slate-700">{when(e.created_at)}</td>
                <td className="px-4 py-2 text-slate-900">
                  {e.type}
                  <span className="block text-xs text-slate-600">{e.description}</span>
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {e.credits > 0 ? '+' : ''}
                  {formatCount(e.credits)}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {formatCount(e.balance_after)}
                </td>
                <td className="px-4 py-2 font-mono text-xs break-all text-slate-700">{e.key}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {history && (
        <AdminHistory
          entries={history.entries.map(serializeAuditLog)}
          caption={`Admin actions on payment ${p.id}`}
        />
      )}
    </div>
  );
}
