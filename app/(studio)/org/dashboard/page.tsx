import type { Metadata } from 'next';
import Link from 'next/link';
import {
  OrgCreditsChart,
  OrgProductsChart,
  OrgTryonsChart,
  type DashboardDay,
} from '@/components/orgs/dashboard-charts';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/components/ui/cn';
import { formatPercent } from '@/lib/analytics/format';
import { getOrgDashboard, orgDashboardQuery } from '@/lib/analytics';
import { requirePageUser } from '@/lib/auth/caller';
import { can } from '@/lib/orgs';
import { formatCount, formatDateTime } from '@/lib/format';
import { OrgPageFrame } from '../org-page-frame';

export const metadata: Metadata = { title: 'Dashboard · Organisation' };
export const dynamic = 'force-dynamic';

const RANGES = [7, 30, 90] as const;

function Tile({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note: string;
  testId: string;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-slate-600">{note}</p>
    </div>
  );
}

/** The merchant dashboard of the active organisation: try-ons, credits, products, conversion, refusals. */
export default async function OrgDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const caller = await requirePageUser({ returnTo: '/org/dashboard' });
  const parsed = orgDashboardQuery.safeParse(await searchParams);
  const range = parsed.success ? parsed.data.range : 30;
  return (
    <OrgPageFrame caller={caller} title="Dashboard" what="dashboard">
      {async (account) => {
        if (!can(account.role, 'dashboard:read'))
          return (
            <EmptyState title="The dashboard is for owners and admins.">
              Ask an owner or admin of {account.name} if you need its figures.
            </EmptyState>
          );
        const d = await getOrgDashboard(account.orgId, range);
        const series: DashboardDay[] = d.series.map((p) => ({
          day: p.day,
          completed: p.completed,
          failed: p.failed,
          other: p.tryons - p.completed - p.failed,
          credits_used: p.creditsUsed,
        }));
        const finished = d.totals.completed + d.totals.failed;
        const c = d.widget.conversion;
        const widgetBySku = new Map(d.widget.bySku.map((w) => [w.sku, w]));
        const refusedTotal = d.widget.refusals.reduce((a, r) => a + r.count, 0);
        return (
          <div className="space-y-6">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <nav aria-label="Period" className="flex rounded-md border border-slate-300 bg-white">
                {RANGES.map((r) => (
                  <Link
                    key={r}
                    href={`/org/dashboard?range=${r}`}
                    aria-current={r === range ? 'page' : undefined}
                    className={cn(
                      'inline-flex min-h-11 items-center px-4 text-sm font-medium sm:min-h-10',
                      r === range ? 'bg-brand-700 text-white' : 'text-slate-800 hover:bg-slate-50',
                    )}
                  >
                    {r} days
                  </Link>
                ))}
              </nav>
              <div className="flex flex-wrap gap-2 text-sm">
                {(['days', 'products', 'refusals'] as const).map((t) => (
                  <a
                    key={t}
                    href={`/api/orgs/${account.orgId}/dashboard/export?range=${range}&table=${t}`}
                    download
                    className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 font-medium text-slate-800 hover:bg-slate-50 sm:min-h-10"
                  >
                    CSV: {t === 'days' ? 'per day' : t}
                  </a>
                ))}
              </div>
            </div>

            <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              <Tile
                testId="org-kpi-tryons"
                label="Try-ons"
                value={formatCount(d.totals.tryons)}
                note={`in the last ${range} days`}
              />
              <Tile
                testId="org-kpi-success"
                label="Success rate"
                value={formatPercent(finished ? d.totals.completed / finished : null)}
                note={`${formatCount(d.totals.completed)} completed, ${formatCount(d.totals.failed)} failed`}
              />
              <Tile
                testId="org-kpi-credits"
                label="Credits used"
                value={formatCount(d.totals.creditsUsed)}
                note="net of refunds"
              />
              <Tile
                testId="org-kpi-conversion"
                label="Add to cart after a try-on"
                value={formatPercent(
                  c.tryonSessions ? c.tryonSessionsWithCart / c.tryonSessions : null,
                )}
                note={`${formatCount(c.tryonSessionsWithCart)} of ${formatCount(c.tryonSessions)} widget visitors who saw a result`}
              />
            </div>

            <div className="grid gap-6 lg:grid-cols-2">
              <OrgTryonsChart series={series} />
              <OrgCreditsChart series={series} />
            </div>

            <div className="grid gap-6 lg:grid-cols-2">
              <OrgProductsChart products={d.products} />
              <section
                aria-labelledby="conversion-heading"
                className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
              >
                <h3 id="conversion-heading" className="text-base font-semibold text-slate-900">
                  Conversion signal
                </h3>
                <p className="mt-1 text-sm text-slate-700">
                  From the widget and{' '}
                  <code className="text-xs">TrailRoom.track(&apos;add_to_cart&apos;)</code> on your
                  store, per visitor.
                </p>
                <dl className="mt-4 grid gap-3 sm:grid-cols-3" data-testid="org-conversion">
                  <div>
                    <dt className="text-sm text-slate-600">Saw a try-on result</dt>
                    <dd className="text-xl font-semibold text-slate-900 tabular-nums">
                      {formatCount(c.tryonSessions)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-sm text-slate-600">…and added to cart</dt>
                    <dd className="text-xl font-semibold text-slate-900 tabular-nums">
                      {formatCount(c.tryonSessionsWithCart)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-sm text-slate-600">Added to cart without a try-on</dt>
                    <dd className="text-xl font-semibold text-slate-900 tabular-nums">
                      {formatCount(c.cartSessionsWithoutTryon)}
                    </dd>
                  </div>
                </dl>
              </section>
            </div>

            <section aria-labelledby="products-heading" className="space-y-3">
              <h2 id="products-heading" className="text-lg font-semibold text-slate-900">
                Top products
              </h2>
              {d.products.length === 0 ? (
                <EmptyState title="No product was tried on in this period.">
                  Try-ons made from your catalog (by SKU, in the widget or the API) are counted
                  here.
                </EmptyState>
              ) : (
                <DataTable
                  caption="Products by try-ons"
                  className="w-full min-w-[36rem]"
                  columns={[
                    { label: 'SKU' },
                    { label: 'Try-ons', align: 'right' },
                    { label: 'Success', align: 'right' },
                    { label: 'Widget visitors', align: 'right' },
                    { label: 'Then added to cart', align: 'right' },
                  ]}
                >
                  {d.products.map((p) => {
                    const w = widgetBySku.get(p.sku);
                    return (
                      <tr key={p.sku}>
                        <td className="px-4 py-2 font-medium break-all text-slate-900">{p.sku}</td>
                        <td className="px-4 py-2 text-right tabular-nums">
                          {formatCount(p.tryons)}
                        </td>
                        <td className="px-4 py-2 text-right tabular-nums">
                          {formatPercent(p.tryons ? p.completed / p.tryons : null)}
                        </td>
                        <td className="px-4 py-2 text-right tabular-nums">
                          {formatCount(w?.tryonSessions ?? 0)}
                        </td>
                        <td className="px-4 py-2 text-right tabular-nums">
                          {formatCount(w?.addedToCart ?? 0)}
                        </td>
                      </tr>
                    );
                  })}
                </DataTable>
              )}
            </section>

            <section aria-labelledby="refusals-heading" className="space-y-3">
              <div>
                <h2 id="refusals-heading" className="text-lg font-semibold text-slate-900">
                  Widget refusals
                </h2>
                <p className="text-sm text-slate-700">
                  {refusedTotal === 0
                    ? 'No widget request was refused in this period.'
                    : `${formatCount(refusedTotal)} refused: ${d.widget.refusals
                        .map((r) => `${r.reason.replace(/_/g, ' ')} (${formatCount(r.count)})`)
                        .join(', ')}.`}
                </p>
              </div>
              {d.recentRefusals.length === 0 ? (
                <EmptyState title="Nothing refused.">
                  Quotas, caps and origin checks that turn a shopper away are listed here.
                </EmptyState>
              ) : (
                <DataTable
                  caption="Latest widget refusals"
                  className="w-full min-w-[36rem]"
                  columns={[
                    { label: 'When' },
                    { label: 'Reason' },
                    { label: 'Origin' },
                    { label: 'SKU' },
                  ]}
                >
                  {d.recentRefusals.map((r, i) => (
                    <tr key={`${r.at.toISOString()}-${i}`}>
                      <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                        {formatDateTime(r.at)}
                      </td>
                      <td className="px-4 py-2 text-slate-900">{r.reason.replace(/_/g, ' ')}</td>
                      <td className="px-4 py-2 break-all text-slate-700">{r.origin ?? '—'}</td>
                      <td className="px-4 py-2 text-slate-700">{r.sku ?? '—'}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          </div>
        );
      }}
    </OrgPageFrame>
  );
}
