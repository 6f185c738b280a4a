import type { Metadata } from 'next';
import { formatCount } from '@/lib/format';
import Link from 'next/link';
import { AuditTable } from '@/components/admin/audit-table';
import { Card } from '@/components/ui/card';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { adminJobHealth } from '@/lib/tryon';
import { getUserStats } from '@/lib/users';
import { WeekKpis } from './week-kpis';

export const metadata: Metadata = { title: 'Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminOverviewPage() {
  const caller = await requireAdminPage('/admin');
  const [stats, recent, jobs] = await Promise.all([
    getUserStats(),
    can(caller.role, 'audit:read')
      ? listAuditLogs(listAuditLogsQuery.parse({ limit: '10' }))
      : null,
    can(caller.role, 'jobs:manage') ? adminJobHealth() : null,
  ]);
  const tiles = [
    {
      label: 'People',
      value: stats.total - (stats.byStatus.deleted ?? 0),
      hint: 'active and suspended accounts',
    },
    { label: 'Signed in, last 7 days', value: stats.signedInLast7Days, hint: 'active accounts' },
    {
      label: 'Suspended',
      value: stats.byStatus.suspended ?? 0,
      hint: 'cannot sign in or call the API',
      href: '/admin/users?status=suspended',
    },
    {
      label: 'Admins',
      value:
        (stats.byRole.support_admin ?? 0) +
        (stats.byRole.finance_admin ?? 0) +
        (stats.byRole.super_admin ?? 0),
      hint: 'support, finance and super admins',
    },
  ];
  const usersLink = can(caller.role, 'users:read');

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Admin overview</h1>
        <p className="mt-1 text-slate-700">Who uses TrailRoom, and what admins have done lately.</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((t) => (
          <li key={t.label}>
            <Card className="h-full p-5">
              <p className="text-sm text-slate-600">{t.label}</p>
              <p className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums">
                {formatCount(t.value)}
              </p>
              {t.href && usersLink ? (
                <Link
                  href={t.href}
                  className="text-brand-700 mt-1 inline-flex items-center text-xs font-medium underline underline-offset-2 max-sm:min-h-11"
                >
                  {t.hint}
                </Link>
              ) : (
                <p className="mt-1 text-xs text-slate-600">{t.hint}</p>
              )}
            </Card>
          </li>
        ))}
      </ul>
      {jobs && (
        <section aria-labelledby="job-health" className="space-y-3">
          <h2 id="job-health" className="text-xl font-semibold text-slate-900">
            Try-on jobs
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {[
              {
                label: 'Failed today (UTC)',
                value: jobs.failedToday,
                href: '/admin/jobs?status=failed',
                hint: 'open failed jobs',
              },
              {
                label: 'Stuck now',
                value: jobs.stuck,
                href: '/admin/jobs?stuck=true',
                hint: 'queued or processing for over 15 minutes',
              },
            ].map((t) => (
              <li key={t.label}>
                <Card
                  className={`h-full p-5 ${t.label === 'Stuck now' && t.value > 0 ? 'border-amber-300 bg-amber-50' : ''}`}
                >
                  <p className="text-sm text-slate-600">{t.label}</p>
                  <p className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums">
                    {formatCount(t.value)}
                  </p>
                  <Link
                    href={t.href}
                    className="text-brand-700 mt-1 inline-flex items-center text-xs font-medium underline underline-offset-2 max-sm:min-h-11"
                  >
                    {t.hint}
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
      {can(caller.role, 'analytics:read') && <WeekKpis role={caller.role} />}
      {recent && (
        <section aria-labelledby="recent" className="space-y-3">
          <div className="flex items-center justify-between gap-3 sm:items-end">
            <h2 id="recent" className="text-xl font-semibold text-slate-900">
              Recent admin actions
            </h2>
            <Link
              href="/admin/audit-logs"
              className="text-brand-700 inline-flex items-center text-sm font-medium underline underline-offset-2 max-sm:min-h-11"
            >
              Full audit log
            </Link>
          </div>
          <AuditTable
            entries={recent.entries.map(serializeAuditLog)}
            caption="Recent admin actions"
          />
        </section>
      )}
    </div>
  );
}
