import type { Metadata } from 'next';
import { AuditTable } from '@/components/admin/audit-table';
import { FilterBar } from '@/components/admin/filter-bar';
import { PageHeader } from '@/components/admin/page-header';
import { Alert } from '@/components/ui/alert';
import { Pagination } from '@/components/ui/pagination';
import { parseSearchParams, type PageSearchParams } from '@/lib/api/list';
import { hasAuditLogs, listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { requireAdminPage } from '@/lib/auth/caller';

export const metadata: Metadata = { title: 'Audit log · Admin' };
export const dynamic = 'force-dynamic';

const FILTERS = ['action', 'actor', 'entity_type', 'entity_id', 'date_from', 'date_to'] as const;

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  await requireAdminPage('/admin/audit-logs', 'audit:read');
  const parsed = parseSearchParams(listAuditLogsQuery, await searchParams);
  const query = parsed.ok ? parsed.query : listAuditLogsQuery.parse({});
  const page = await listAuditLogs(query);
  const entries = page.entries.map(serializeAuditLog);
  const filtered = FILTERS.some((k) => query[k] !== undefined);
  const any = entries.length > 0 || (filtered && (await hasAuditLogs()));
  const keep = Object.fromEntries(FILTERS.map((k) => [k, query[k]]));

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        title="Audit log"
        description="Every admin action: who, what, on which record, before and after, from where."
      />
      {!parsed.ok && (
        <Alert tone="warning">
          Some filters were not valid ({parsed.error}); showing every action instead.
        </Alert>
      )}
      <FilterBar
        action="/admin/audit-logs"
        label="Filter the audit log"
        values={parsed.values}
        keep={{ entity_type: query.entity_type }}
        fields={[
          { kind: 'search', name: 'action', label: 'Action contains', placeholder: 'e.g. suspend' },
          { kind: 'search', name: 'actor', label: 'Admin email or id', placeholder: 'e.g. ana@' },
          { kind: 'text', name: 'entity_id', label: 'Record id' },
          { kind: 'date', name: 'date_from', label: 'From' },
          { kind: 'date', name: 'date_to', label: 'To' },
        ]}
      />
      <AuditTable
        entries={entries}
        caption="Audit log entries"
        empty={any ? 'No actions match these filters.' : 'No admin actions recorded yet.'}
      />
      <Pagination
        basePath="/admin/audit-logs"
        params={keep}
        page={page.page}
        limit={page.limit}
        total={page.total}
      />
    </div>
  );
}
