import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { RoleBadge, StatusBadge } from '@/components/admin/badges';
import { Pagination } from '@/components/ui/pagination';
import { Button } from '@/components/ui/button';
import { requireAdminPage } from '@/lib/auth/caller';
import {
  ROLES,
  USER_STATUSES,
  searchUsers,
  searchUsersQuery,
  serializeAdminUser,
} from '@/lib/users';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Users · Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdminPage('/admin/users', 'users:read');
  const sp = await searchParams;
  const parsed = searchUsersQuery.safeParse({
    q: sp.q || undefined,
    role: sp.role || undefined,
    status: sp.status || undefined,
    page: sp.page ?? '1',
  });
  const query = parsed.success ? parsed.data : searchUsersQuery.parse({});
  const result = await searchUsers(query);
  const users = result.users.map(serializeAdminUser);
  const select = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900';

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Users</h1>
        <p className="mt-1 text-slate-700">
          Find a person by email or name; open them to suspend, lift a suspension or change their
          role.
        </p>
      </div>

      <form
        role="search"
        action="/admin/users"
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 sm:flex-row sm:items-end"
      >
        <div className="flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Email or name
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            placeholder="e.g. ana@ or Lima"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900"
          />
        </div>
        <div>
          <label htmlFor="role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id="role"
            name="role"
            defaultValue={query.role ?? ''}
            className={`mt-1 ${select}`}
          >
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={query.status ?? ''}
            className={`mt-1 ${select}`}
          >
            <option value="">Any status</option>
            {USER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">Search</Button>
      </form>

      {users.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-10 text-center text-slate-600">
          No one matches{' '}
          {query.q ? <strong className="text-slate-900">“{query.q}”</strong> : 'these filters'}.
        </p>
      ) : (
        <DataTable
          caption="Users matching the search"
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
                {u.credits.total.toLocaleString('en')}
                <span className="block text-xs text-slate-600">
                  {u.credits.free} + {u.credits.paid.toLocaleString('en')}
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
