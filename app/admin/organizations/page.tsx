import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/admin/badges';
import { FilterBar } from '@/components/admin/filter-bar';
import { PageHeader } from '@/components/admin/page-header';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { parseSearchParams, type PageSearchParams } from '@/lib/api/list';
import { requireAdminPage } from '@/lib/auth/caller';
import { formatCount, formatDate } from '@/lib/format';
import { adminListOrganizations, adminOrganizationsQuery, ORG_STATUSES } from '@/lib/orgs';

export const metadata: Metadata = { title: 'Organisations · Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminOrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  await requireAdminPage('/admin/organizations', 'users:read');
  const parsed = parseSearchParams(adminOrganizationsQuery, await searchParams);
  const query = parsed.ok ? parsed.query : adminOrganizationsQuery.parse({});
  const result = await adminListOrganizations(query);

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        title="Organisations"
        description="Find an organisation by name or slug; open it to see its members, balance, ledger and try-ons, adjust its credits or suspend it."
      />
      <FilterBar
        action="/admin/organizations"
        label="Find organisations"
        submitLabel="Search"
        values={parsed.values}
        fields={[
          { kind: 'search', name: 'q', label: 'Name or slug', placeholder: 'e.g. acme' },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            any: 'Any status',
            options: ORG_STATUSES.map((s) => ({ value: s, label: s })),
          },
        ]}
      />
      {result.organizations.length === 0 ? (
        <EmptyState
          title={query.q ? `No organisation matches “${query.q}”.` : 'No organisations yet.'}
        />
      ) : (
        <DataTable
          caption="Organisations matching the search"
          className="w-full min-w-[40rem]"
          columns={[
            { label: 'Organisation' },
            { label: 'Status' },
            { label: 'Members', align: 'right' },
            { label: 'Credits', align: 'right' },
            { label: 'Created' },
          ]}
        >
          {result.organizations.map((o) => (
            <tr key={o.id} className="hover:bg-slate-50">
              <td className="px-4 py-2">
                <Link
                  href={`/admin/organizations/${o.id}`}
                  className="text-brand-700 font-medium underline-offset-2 hover:underline"
                >
                  {o.name}
                </Link>
                <span className="block text-xs text-slate-600">{o.slug}</span>
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={o.status} />
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(o.members)}</td>
              <td className="px-4 py-2 text-right text-slate-900 tabular-nums">
                {formatCount(o.credits.total)}
              </td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                {formatDate(o.created_at)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        basePath="/admin/organizations"
        params={{ q: query.q, status: query.status }}
        page={result.page}
        limit={result.limit}
        total={result.total}
      />
    </div>
  );
}
