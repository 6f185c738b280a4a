import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminHistory } from '@/components/admin/audit-table';
import { StatusBadge } from '@/components/admin/badges';
import { CreditAdjustForm } from '@/components/admin/credit-adjust-form';
import { FactCard } from '@/components/admin/fact-card';
import { PageHeader, RelatedLinks } from '@/components/admin/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listHref } from '@/lib/api/list';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { listTransactions } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import { formatCount, formatDate, formatDateTime, formatUtc } from '@/lib/format';
import { adminGetOrganization } from '@/lib/orgs';
import { OrgStatusActions } from './org-status-actions';

export const metadata: Metadata = { title: 'Organisation · Admin' };
export const dynamic = 'force-dynamic';

/** One organisation for support: members, balance and ledger, try-ons, credit adjustment, suspension. */
export default async function AdminOrganizationPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const caller = await requireAdminPage(`/admin/organizations/${id}`, 'users:read');
  if (!/^[0-9a-f]{24}$/i.test(id)) notFound();
  const org = await adminGetOrganization(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const [ledger, history] = await Promise.all([
    listTransactions(id, { page: 1, limit: 10 }),
    listAuditLogs(
      listAuditLogsQuery.parse({ entity_type: 'organization', entity_id: id, limit: '20' }),
    ),
  ]);
  const related = [
    can(caller.role, 'jobs:manage') && {
      href: listHref('/admin/jobs', { user: id }),
      label: 'Try-ons',
    },
    can(caller.role, 'payments:read') && {
      href: listHref('/admin/payments', { user: id }),
      label: 'Payments',
    },
    can(caller.role, 'audit:read') && {
      href: listHref('/admin/audit-logs', { entity_type: 'organization', entity_id: id }),
      label: 'Audit log',
    },
  ].filter((l): l is { href: string; label: string } => Boolean(l));

  const facts = [
    ['Slug', org.slug],
    ['Created', formatUtc(org.created_at)],
    [
      'Created by',
      <Link
        key="creator"
        href={`/admin/users/${org.created_by}`}
        className="text-brand-700 underline underline-offset-2"
      >
        {org.members.find((m) => m.user_id === org.created_by)?.email ?? org.created_by}
      </Link>,
    ],
    ['Photo retention (widget)', `${org.settings.widget_retention_hours} h`],
    ['Try-ons per visitor per day', String(org.settings.visitor_daily_tryons)],
    [
      'Widget credit cap per day',
      org.settings.widget_daily_credit_cap === null ||
      org.settings.widget_daily_credit_cap === undefined
        ? 'none'
        : formatCount(org.settings.widget_daily_credit_cap),
    ],
    ['Organisation id', org.id],
  ] as const;

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        back={{ href: '/admin/organizations', label: 'All organisations' }}
        title={org.name}
        badges={<StatusBadge status={org.status} />}
      />
      <RelatedLinks label={`Records of ${org.name}`} links={related} />
      {org.status === 'suspended' && (
        <p
          role="status"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
        >
          Suspended{org.suspended_reason ? `: ${org.suspended_reason}` : ''}. Its members cannot act
          for it, and its API and publishable keys are refused.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <FactCard title="Organisation" facts={facts} className="lg:col-span-2" breakAll />
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Credits</h2>
          <p
            className="mt-3 text-4xl font-semibold text-slate-900 tabular-nums"
            data-testid="org-balance"
          >
            {formatCount(org.credits.total)}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            paid credits (organisations get no daily free credits)
          </p>
        </Card>
      </div>

      {org.status !== 'deleted' && can(caller.role, 'credits:adjust') && (
        <Card>
          <CreditAdjustForm
            userId={org.id}
            email={org.name}
            paid={org.credits.paid}
            endpoint={`/api/admin/organizations/${org.id}/credits`}
          />
        </Card>
      )}

      <section aria-labelledby="org-members-heading" className="space-y-3">
        <h2 id="org-members-heading" className="text-lg font-semibold text-slate-900">
          Members ({org.members.length})
        </h2>
        {org.members.length === 0 ? (
          <EmptyState title="No members." />
        ) : (
          <DataTable
            caption={`Members of ${org.name}`}
            className="w-full min-w-[32rem]"
            columns={[{ label: 'Person' }, { label: 'Role' }, { label: 'Joined' }]}
          >
            {org.members.map((m) => (
              <tr key={m.user_id}>
                <td className="px-4 py-2">
                  <Link
                    href={`/admin/users/${m.user_id}`}
                    className="text-brand-700 font-medium break-all underline-offset-2 hover:underline"
                  >
                    {m.email}
                  </Link>
                </td>
                <td className="px-4 py-2">
                  <Badge tone={m.role === 'owner' ? 'violet' : 'neutral'}>{m.role}</Badge>
                </td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                  {formatDate(m.joined_at)}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="org-ledger-heading" className="space-y-3">
        <h2 id="org-ledger-heading" className="text-lg font-semibold text-slate-900">
          Latest ledger entries
        </h2>
        {ledger.items.length === 0 ? (
          <EmptyState title="No ledger entries yet." />
        ) : (
          <DataTable
            caption={`Latest credit ledger entries of ${org.name}`}
            className="w-full min-w-[36rem]"
            columns={[
              { label: 'When' },
              { label: 'Type' },
              { label: 'Credits', align: 'right' },
              { label: 'Balance after', align: 'right' },
              { label: 'Description' },
            ]}
          >
            {ledger.items.map((t) => (
              <tr key={t.id}>
                <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                  {formatDateTime(t.createdAt)}
                </td>
                <td className="px-4 py-2 text-slate-900">{t.type.replace(/_/g, ' ')}</td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {t.credits > 0 ? `+${t.credits}` : t.credits}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{formatCount(t.balanceAfter)}</td>
                <td className="px-4 py-2 text-slate-700">{t.description}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {org.status !== 'deleted' && can(caller.role, 'users:write') && (
        <OrgStatusActions orgId={org.id} name={org.name} status={org.status} />
      )}

      <AdminHistory
        entries={history.entries.map(serializeAuditLog)}
        caption={`Admin actions on ${org.name}`}
      />
    </div>
  );
}
