import type { Metadata } from 'next';
import { FilterBar } from '@/components/admin/filter-bar';
import { PageHeader } from '@/components/admin/page-header';
import { PaymentTotals, PaymentsTable } from '@/components/admin/payments-table';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { parseSearchParams, type PageSearchParams } from '@/lib/api/list';
import { requireAdminPage } from '@/lib/auth/caller';
import { adminListPayments, adminPaymentsQuery } from '@/lib/billing';
import { PAYMENT_STATUSES } from '@/models/payment';

export const metadata: Metadata = { title: 'Payments · Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  await requireAdminPage('/admin/payments', 'payments:read');
  const parsed = parseSearchParams(adminPaymentsQuery, await searchParams);
  const query = parsed.ok ? parsed.query : adminPaymentsQuery.parse({});
  const result = await adminListPayments(query);

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        title="Payments"
        description="Every credit purchase. Totals count paid payments matching the filters."
      />
      {!parsed.ok && (
        <Alert tone="warning">
          Some filters were not valid ({parsed.error}); showing all payments instead.
        </Alert>
      )}
      <FilterBar
        action="/admin/payments"
        label="Filter payments"
        values={parsed.values}
        fields={[
          { kind: 'search', name: 'user', label: 'User email or id', placeholder: 'e.g. ana@' },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            options: PAYMENT_STATUSES.map((s) => ({ value: s, label: s.replace(/_/g, ' ') })),
          },
          { kind: 'date', name: 'date_from', label: 'Created from' },
          { kind: 'date', name: 'date_to', label: 'Created to' },
        ]}
      />
      <PaymentTotals totals={result.totals} />
      {result.data.length === 0 ? (
        <EmptyState title="No payments match these filters." />
      ) : (
        <PaymentsTable payments={result.data} />
      )}
      <Pagination
        basePath="/admin/payments"
        params={{
          status: query.status,
          user: query.user,
          date_from: query.date_from,
          date_to: query.date_to,
        }}
        page={result.page}
        limit={result.limit}
        total={result.total}
      />
    </div>
  );
}
