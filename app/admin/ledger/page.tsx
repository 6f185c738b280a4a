import type { Metadata } from 'next';
import { formatCount } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { reconcile } from '@/lib/credits';
import type { PageSearchParams } from '@/lib/api/list';
import { RepairButton } from './repair-button';
import { UserLedger } from './user-ledger';

export const metadata: Metadata = { title: 'Ledger health' };
export const dynamic = 'force-dynamic';

export default async function LedgerPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const caller = await requireAdminPage('/admin/ledger');
  const sp = await searchParams;
  // One person's ledger: for those who may see people (support) or revenue (finance).
  if (sp.user !== undefined && (can(caller.role, 'users:read') || can(caller.role, 'revenue:read')))
    return <UserLedger searchParams={sp} />;
  if (!can(caller.role, 'revenue:read')) {
    return <p role="alert">The ledger report is for finance and super admins.</p>;
  }
  const report = await reconcile({ repair: false });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Ledger health</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Every balance recomputed from the credit ledger. The ledger is the source of truth; the
          balance shown on a person’s record is a copy of it that a crash can leave behind, and
          repairing brings it up to date (audited).
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-600">Status</p>
          <p
            className={`mt-1 text-2xl font-semibold ${report.ok ? 'text-emerald-700' : 'text-red-700'}`}
            data-testid="ledger-status"
          >
            {report.ok ? 'Balanced' : 'Needs attention'}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">People with a ledger</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
            {formatCount(report.checkedUsers)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Entries checked</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
            {formatCount(report.checkedEntries)}
          </p>
        </Card>
      </div>
      {report.inconsistencies.length > 0 && (
        <section
          aria-labelledby="broken"
          className="rounded-xl border border-red-300 bg-red-50 p-4"
        >
          <h2 id="broken" className="font-semibold text-red-900">
            Ledger inconsistencies (not repaired automatically)
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm text-red-900">
            {report.inconsistencies.map((i) => (
              <li key={`${i.userId}:${i.problem}`}>
                {i.userId}: {i.problem}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.differences.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
          Every balance matches its ledger.
        </p>
      ) : (
        <section aria-labelledby="diffs" className="space-y-3">
          <div className="flex items-center justify-between">
            <h2 id="diffs" className="text-xl font-semibold text-slate-900">
              Out-of-date balances ({report.differences.length})
            </h2>
            <RepairButton />
          </div>
          <DataTable
            caption="Balances that differ from their ledger"
            columns={[
              { label: 'Person' },
              { label: 'Ledger free / paid', align: 'right' },
              { label: 'Shown free / paid', align: 'right' },
            ]}
          >
            {report.differences.map((d) => (
              <tr key={d.userId}>
                <td className="px-4 py-2 font-mono text-xs">{d.userId}</td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {d.ledger.free} / {d.ledger.paid}
                </td>
                <td className="px-4 py-2 text-right text-red-700 tabular-nums">
                  {d.projection.free} / {d.projection.paid}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </div>
  );
}
