import Link from 'next/link';
import { StatusPill } from '@/components/admin/status-pill';
import { cn } from '@/components/ui/cn';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/format';
import type { AdminJobJson } from '@/lib/tryon/admin-schemas';

/** The admin jobs list: one row per job, stuck ones tinted; scrolls inside its frame on phones. */
export function JobsTable({ jobs }: { jobs: AdminJobJson[] }) {
  return (
    <DataTable
      caption="Try-on jobs matching the filters"
      className="min-w-[56rem]"
      columns={[
        { label: 'Job' },
        { label: 'Person' },
        { label: 'Status' },
        { label: 'Mode' },
        { label: 'Provider' },
        { label: 'Credits', align: 'right' },
        { label: 'Error' },
        { label: 'Created (UTC)' },
      ]}
    >
      {jobs.map((j) => (
        <tr key={j.id} className={cn('align-top hover:bg-slate-50', j.stuck && 'bg-amber-50')}>
          <td className="px-4 py-2">
            <Link
              href={`/admin/jobs/${j.id}`}
              className="text-brand-700 font-mono text-xs font-medium underline-offset-2 hover:underline"
              aria-label={`Job ${j.id}`}
            >
              {j.id.slice(-8)}
            </Link>
            {j.admin_retries > 0 && (
              <span className="block text-xs text-slate-600">retried ×{j.admin_retries}</span>
            )}
          </td>
          <td
            className="max-w-52 truncate px-4 py-2 text-slate-900"
            title={j.user.email ?? j.user.id}
          >
            <Link href={`/admin/users/${j.user.id}`} className="hover:underline">
              {j.user.email ?? j.user.id}
            </Link>
          </td>
          <td className="px-4 py-2 whitespace-nowrap">
            <StatusPill status={j.status} />
            {j.stuck && <StatusPill status="stuck" className="ml-1" />}
          </td>
          <td className="px-4 py-2 text-slate-700">
            {j.mode === 'one_piece' ? 'one-piece' : j.mode}
          </td>
          <td className="px-4 py-2 text-slate-700">
            {j.provider ?? '—'}
            {j.model && <span className="block text-xs text-slate-600">{j.model}</span>}
          </td>
          <td className="px-4 py-2 text-right tabular-nums">{j.credits_used}</td>
          <td className="max-w-48 px-4 py-2 font-mono text-xs break-all text-red-800">
            {j.error?.code ?? ''}
          </td>
          <td className="px-4 py-2 whitespace-nowrap text-slate-700">
            {formatDateTime(j.queued_at)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
