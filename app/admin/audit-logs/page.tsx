import type { Metadata } from 'next';
import { AuditTable } from '@/components/admin/audit-table';
import { Pagination } from '@/components/ui/pagination';
import { Button } from '@/components/ui/button';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { requireAdminPage } from '@/lib/auth/caller';

export const metadata: Metadata = { title: 'Audit log · Admin' };
export const dynamic = 'force-dynamic';

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdminPage('/admin/audit-logs', 'audit:read');
  const sp = await searchParams;
  const parsed = listAuditLogsQuery.safeParse({
    action: sp.action || undefined,
    entity_type: sp.entity_type || undefined,
    entity_id: sp.entity_id || undefined,
    page: sp.page ?? '1',
  });
  const query = parsed.success ? parsed.data : listAuditLogsQuery.parse({});
  const page = await listAuditLogs(query);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Audit log</h1>
        <p className="mt-1 text-slate-700">
          Every admin action: who, what, on which record, before and after, from where.
        </p>
      </div>
      <form
        role="search"
        action="/admin/audit-logs"
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 sm:flex-row sm:items-end"
      >
        <div className="flex-1">
          <label htmlFor="action" className="block text-sm font-medium text-slate-800">
            Action
          </label>
          <input
            id="action"
            name="action"
            defaultValue={query.action ?? ''}
            placeholder="e.g. user.suspend"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900"
          />
        </div>
        <div className="flex-1">
          <label htmlFor="entity_id" className="block text-sm font-medium text-slate-800">
            Record id
          </label>
          <input
            id="entity_id"
            name="entity_id"
            defaultValue={query.entity_id ?? ''}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900"
          />
        </div>
        <Button type="submit">Filter</Button>
      </form>
      <AuditTable entries={page.entries.map(serializeAuditLog)} caption="Audit log entries" />
      <Pagination
        basePath="/admin/audit-logs"
        params={{
          action: query.action,
          entity_id: query.entity_id,
          entity_type: query.entity_type,
        }}
        page={page.page}
        limit={page.limit}
        total={page.total}
      />
    </div>
  );
}
