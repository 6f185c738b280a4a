import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { describeChange } from '@/lib/audit/describe-change';
import type { AuditLogJson } from '@/lib/audit/schemas';
import { formatDateTime } from '@/lib/format';

/** The changed fields, one per line: `status: failed → queued`. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const changes = describeChange(before, after);
  if (changes.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {changes.map((c) => (
        <li key={c.field} className="break-words">
          <span className="text-slate-500">{c.field}:</span> {c.before}{' '}
          <span aria-label="changed to">→</span> <span className="text-slate-900">{c.after}</span>
        </li>
      ))}
    </ul>
  );
}

/** Audit entries as a table; used by the overview, the audit log and a user's page. */
export function AuditTable({ entries, caption }: { entries: AuditLogJson[]; caption: string }) {
  if (entries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        No admin actions recorded yet.
      </p>
    );
  }
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: 'When (UTC)' },
        { label: 'Actor' },
        { label: 'Action' },
        { label: 'Entity' },
        { label: 'Change' },
        { label: 'Reason' },
        { label: 'From' },
      ]}
    >
      {entries.map((e) => (
        <tr key={e.id} className="align-top">
          <td className="px-3 py-2 whitespace-nowrap text-slate-700">
            {formatDateTime(e.created_at, { seconds: true })}
          </td>
          <td className="px-3 py-2">
            <span
              className="block max-w-48 truncate text-slate-900"
              title={e.actor.email ?? e.actor.id}
            >
              {e.actor.email ?? e.actor.id}
            </span>
            {e.actor.role && (
              <span className="text-xs text-slate-600">{e.actor.role.replace(/_/g, ' ')}</span>
            )}
          </td>
          <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-slate-900">
            {e.action}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            {e.entity.type === 'user' && e.entity.id ? (
              <Link
                href={`/admin/users/${e.entity.id}`}
                className="text-brand-700 underline underline-offset-2"
              >
                user {e.entity.id.slice(-6)}
              </Link>
            ) : (
              <span className="text-slate-700">
                {e.entity.type} {e.entity.id?.slice(-6) ?? ''}
              </span>
            )}
          </td>
          <td className="max-w-72 min-w-48 px-3 py-2 font-mono text-xs text-slate-700">
            <Change before={e.before} after={e.after} />
          </td>
          <td className="max-w-56 px-3 py-2 text-slate-700">{e.reason ?? '—'}</td>
          <td className="px-3 py-2 text-xs text-slate-600">
            <span className="block">{e.ip ?? '—'}</span>
            <span className="block max-w-40 truncate" title={e.user_agent ?? ''}>
              {e.user_agent ?? ''}
            </span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The "Admin history" section of a detail page: the audit entries about one entity. */
export function AdminHistory({ entries, caption }: { entries: AuditLogJson[]; caption: string }) {
  return (
    <section aria-labelledby="history" className="space-y-3">
      <h2 id="history" className="text-xl font-semibold text-slate-900">
        Admin history
      </h2>
      <AuditTable entries={entries} caption={caption} />
    </section>
  );
}
