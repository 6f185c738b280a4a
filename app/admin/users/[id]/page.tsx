import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminHistory } from '@/components/admin/audit-table';
import { FactCard } from '@/components/admin/fact-card';
import { RoleBadge, StatusBadge } from '@/components/admin/badges';
import { CreditAdjustForm } from '@/components/admin/credit-adjust-form';
import { PageHeader, RelatedLinks } from '@/components/admin/page-header';
import { Card } from '@/components/ui/card';
import { listHref } from '@/lib/api/list';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { requireAdminPage } from '@/lib/auth/caller';
import { can, isAdminRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getUserOrThrow, serializeAdminUser } from '@/lib/users';
import { listMyOrganizations } from '@/lib/orgs';
import { UserActions } from './user-actions-client';
import { formatCount, formatUtc } from '@/lib/format';

export const metadata: Metadata = { title: 'User · Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireAdminPage(`/admin/users/${id}`, 'users:read');
  const doc = await getUserOrThrow(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const user = serializeAdminUser(doc);
  const [history, orgs] = await Promise.all([
    listAuditLogs(listAuditLogsQuery.parse({ entity_type: 'user', entity_id: id, limit: '20' })),
    listMyOrganizations(id),
  ]);
  const entries = history.entries.map(serializeAuditLog);
  const self = caller.userId === id;
  // Filtered lists of this person's records, for the roles that can open them.
  const related = [
    can(caller.role, 'jobs:manage') && {
      href: listHref('/admin/jobs', { user: id }),
      label: 'Jobs',
    },
    can(caller.role, 'payments:read') && {
      href: listHref('/admin/payments', { user: id }),
      label: 'Payments',
    },
    { href: listHref('/admin/ledger', { user: id }), label: 'Credit ledger' },
    can(caller.role, 'audit:read') && {
      href: listHref('/admin/audit-logs', { entity_type: 'user', entity_id: id }),
      label: 'Audit log',
    },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  // Mirrors lib/users: admins' accounts are suspended by super admins only.
  const canSuspend =
    can(caller.role, 'users:write') &&
    !self &&
    (!isAdminRole(doc.role) || can(caller.role, 'roles:manage'));

  const facts = [
    ['Email', user.email],
    ['Name', user.name ?? '—'],
    ['Provider', user.provider ?? '—'],
    ['Joined', formatUtc(user.created_at)],
    ['Last sign-in', formatUtc(user.last_login_at)],
    ['User id', user.id],
  ] as const;

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        back={{ href: '/admin/users', label: 'All users' }}
        title={user.email}
        badges={
          <>
            <RoleBadge role={user.role} />
            <StatusBadge status={user.status} />
          </>
        }
      />
      <RelatedLinks label={`Records of ${user.email}`} links={related} />
      {user.status === 'suspended' && (
        <p
          role="status"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
        >
          Suspended{user.suspended_reason ? `: ${user.suspended_reason}` : ''}. They cannot sign in,
          and every API call of theirs gets 403.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <FactCard title="Profile" facts={facts} className="lg:col-span-2" breakAll />
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Credits</h2>
          <p className="mt-3 text-4xl font-semibold text-slate-900 tabular-nums">
            {formatCount(user.credits.total)}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {user.credits.free} free today + {formatCount(user.credits.paid)} paid
          </p>
        </Card>
      </div>

      {orgs.length > 0 && (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Organisations</h2>
          <ul className="mt-3 space-y-1 text-sm">
            {orgs.map((o) => (
              <li key={o.id}>
                <Link
                  href={`/admin/organizations/${o.id}`}
                  className="text-brand-700 inline-flex min-h-11 items-center font-medium underline-offset-2 hover:underline sm:min-h-0"
                >
                  {o.name}
                </Link>{' '}
                <span className="text-slate-600">
                  · {o.role}
                  {o.status !== 'active' ? ` · ${o.status}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {user.status !== 'deleted' && can(caller.role, 'credits:adjust') && (
        <Card>
          <CreditAdjustForm userId={user.id} email={user.email} paid={user.credits.paid} />
        </Card>
      )}

      {user.status !== 'deleted' && (
        <UserActions
          userId={user.id}
          email={user.email}
          status={user.status}
          role={user.role}
          canSuspend={canSuspend}
          canChangeRole={can(caller.role, 'roles:manage') && !self}
          self={self}
        />
      )}

      <AdminHistory entries={entries} caption={`Admin actions on ${user.email}`} />
    </div>
  );
}
