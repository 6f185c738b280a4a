import type { Metadata } from 'next';
import Link from 'next/link';
import { RoleBadge, StatusBadge } from '@/components/admin/badges';
import { FilterBar } from '@/components/admin/filter-bar';
import { PageHeader } from '@/components/admin/page-header';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { parseSearchParams, type PageSearchParams } from '@/lib/api/list';
import { requireAdminPage } from '@/lib/auth/caller';
import { formatCount, formatDate } from '@/lib/format';
import {
  ROLES,
  USER_STATUSES,
  searchUsers,
  searchUsersQuery,
  serializeAdminUser,
} from '@/lib/users';

export const metadata: Metadata = { title: 'Users · Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  await requireAdminPage('/admin/users', 'users:read');
  const parsed = parseSearchParams(searchUsersQuery, await searchParams);
  const query = parsed.ok ? parsed.query : searchUsersQuery.parse({});
  const result = await searchUsers(query);
  const users = result.users.map(serializeAdminUser);

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        title="Users"
        description="Find a person by email or name; open them to suspend, lift a suspension or change their role."
      />
      <FilterBar
        action="/admin/users"
        label="Find people"
        submitLabel="Search"
        values={parsed.values}
        fields={[
          { kind: 'search', name: 'q', label: 'Email or name', placeholder: 'e.g. ana@ or Lima' },
          {
            kind: 'select',
            name: 'role',
            label: 'Role',
            any: 'Any role',
            options: ROLES.map((r) => ({ value: r, label: r.replace(/_/g, ' ') })),
          },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            any: 'Any status',
            options: USER_STATUSES.map((s) => ({ value: s, label: s })),
          },
        ]}
      />

      {users.length === 0 ? (
        <EmptyState
          title={query.q ? `No one matches “${query.q}”.` : 'No one matches these filters.'}
        />
      ) : (
        <DataTable
          caption="Users matching the search"
          className="min-w-[44rem]"
          columns={[
            { label: 'Person' },
            { label: 'Role' },
            { label: 'Status' },
            { label: 'Credits (free + paid)', align: 'right' },
            { label: 'Last sign-in' },
            { label: 'Joined' },
          ]}
        >
          {users.map((u) => (
            <tr key={u.id} className="hover:bg-slate-50">
              <td className="px-4 py-2">
                <Link
                  href={`/admin/users/${u.id}`}
                  className="text-brand-700 font-medium underline-offset-2 hover:underline"
                >
                  {u.email}
                </Link>
                <span className="block text-xs text-slate-600">{u.name ?? '—'}</span>
              </td>
              <td className="px-4 py-2">
                <RoleBadge role={u.role} />
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={u.status} />
              </td>
              <td className="px-4 py-2 text-right text-slate-900 tabular-nums">
                {formatCount(u.credits.total)}
                <span className="block text-xs text-slate-600">
                  {u.credits.free} + {formatCount(u.credits.paid)}
                </span>
              </td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                {u.last_login_at ? formatDate(u.last_login_at) : '—'}
              </td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                {formatDate(u.created_at)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        basePath="/admin/users"
        params={{ q: query.q, role: query.role, status: query.status }}
        page={result.page}
        limit={result.limit}
        total={result.total}
      />
    </div>
  );
}
