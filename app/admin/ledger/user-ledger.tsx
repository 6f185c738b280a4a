import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/admin/page-header';
import { FilterBar } from '@/components/admin/filter-bar';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import {
  dateRangeShape,
  paginationShape,
  parseSearchParams,
  toDateRange,
  withDateRange,
  type PageSearchParams,
} from '@/lib/api/list';
import { listTransactions } from '@/lib/credits';
import { CREDIT_TX_TYPES } from '@/lib/credits/list-transactions';
import { AppError } from '@/lib/errors';
import { formatCount, formatDateTime } from '@/lib/format';
import { getUserOrThrow, userIdParam } from '@/lib/users';
import { z } from 'zod';

const userLedgerQuery = withDateRange(
  z.object({
    user: userIdParam.shape.id,
    type: z.enum(CREDIT_TX_TYPES).optional(),
    ...dateRangeShape,
    ...paginationShape(),
  }),
);

/** One person's credit ledger, newest first: /admin/ledger?user=<id> (linked from their page). */
export async function UserLedger({ searchParams }: { searchParams: PageSearchParams }) {
  const parsed = parseSearchParams(userLedgerQuery, searchParams);
  const userId = parsed.values.user ?? '';
  if (!userIdParam.safeParse({ id: userId }).success) notFound();
  const user = await getUserOrThrow(userId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const query = parsed.ok ? parsed.query : userLedgerQuery.parse({ user: userId });
  const range = toDateRange(query);
  const page = await listTransactions(userId, {
    page: query.page,
    limit: query.limit,
    ...(query.type ? { type: query.type } : {}),
    ...(range.from ? { dateFrom: range.from } : {}),
    ...(range.to ? { dateTo: range.to } : {}),
  });
  const keep = {
    user: userId,
    type: query.type,
    date_from: query.date_from,
    date_to: query.date_to,
  };
  const filtered = Boolean(query.type || query.date_from || query.date_to);

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        back={{ href: `/admin/users/${userId}`, label: user.email }}
        title="Credit ledger"
        description={`Every change of ${user.email}’s free and paid credits, newest first. The balance on their record is a copy of the last entry.`}
      />
      {!parsed.ok && <Alert tone="warning">Some filters were not valid ({parsed.error}).</Alert>}
      <FilterBar
        action="/admin/ledger"
        label="Filter the ledger"
        values={parsed.values}
        keep={{ user: userId }}
        fields={[
          {
            kind: 'select',
            name: 'type',
            label: 'Type',
            options: CREDIT_TX_TYPES.map((t) => ({ value: t, label: t.replace(/_/g, ' ') })),
          },
          { kind: 'date', name: 'date_from', label: 'From' },
          { kind: 'date', name: 'date_to', label: 'To' },
        ]}
      />
      {page.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No entries match these filters.' : 'No ledger entries yet.'}
        />
      ) : (
        <DataTable
          caption={`Ledger entries of ${user.email}`}
          className="min-w-[44rem]"
          columns={[
            { label: 'When (UTC)' },
            { label: 'Type' },
            { label: 'Credits', align: 'right' },
            { label: 'Free / paid after', align: 'right' },
            { label: 'Description' },
          ]}
        >
          {page.items.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                {formatDateTime(e.createdAt, { seconds: true })}
              </td>
              <td className="px-4 py-2">
                <Badge>{e.type.replace(/_/g, ' ')}</Badge>
              </td>
              <td
                className={`px-4 py-2 text-right tabular-nums ${e.credits < 0 ? 'text-red-800' : 'text-emerald-800'}`}
              >
                {e.credits > 0 ? '+' : ''}
                {formatCount(e.credits)}
              </td>
              <td className="px-4 py-2 text-right text-slate-700 tabular-nums">
                {formatCount(e.freeAfter)} / {formatCount(e.paidAfter)}
              </td>
              <td className="max-w-80 px-4 py-2 break-words text-slate-700">{e.description}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        basePath="/admin/ledger"
        params={keep}
        page={page.page}
        limit={page.limit}
        total={page.total}
      />
    </div>
  );
}
