import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { describeChange } from '@/lib/audit/describe-change';
import { auditEntityLabelRecord, type AuditEntityLabel } from '@/lib/admin/audit-entity-labels';
import type { AuditLogJson } from '@/lib/audit/schemas';
import { EmptyState } from '@/components/ui/empty-state';
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

/** The record an entry is about: its readable label (lib/admin auditEntityLabels), linked. */
function Entity({ entry, label }: { entry: AuditLogJson; label?: AuditEntityLabel }) {
  const text =
    label?.label ?? `${entry.entity.type.replace(/_/g, ' ')} ${entry.entity.id ?? ''}`.trim();
  const href =
    label?.href ??
    (entry.entity.type === 'user' && entry.entity.id
      ? `/admin/users/${entry.entity.id}`
      : undefined);
  return href ? (
    <Link
      href={href}
      className="text-brand-700 break-words underline underline-offset-2"
      title={entry.entity.id ?? undefined}
    >
      {text}
    </Link>
  ) : (
    <span className="break-words text-slate-700" title={entry.entity.id ?? undefined}>
      {text}
    </span>
  );
}

/**
 * Audit entries as a table; used by the overview, the audit log and the
 * detail pages. Each record is named readably and linked (auditEntityLabels,
 * one query per kind for the page); `empty` is what to say when there are
 * no entries. A server component.
 */
export async function AuditTable({
  entries,
  caption,
  labels,
  empty = 'No admin actions recorded yet.',
}: {
  entries: AuditLogJson[];
  caption: string;
  labels?: Record<string, AuditEntityLabel>;
  empty?: string;
}) {
  if (entries.length === 0) return <EmptyState title={empty} />;
  const names = labels ?? (await auditEntityLabelRecord(entries));
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
          <td className="max-w-64 min-w-40 px-3 py-2">
            <Entity entry={e} label={names[`${e.entity.type}:${e.entity.id ?? ''}`]} />
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
export function AdminHistory({
  entries,
  caption,
  labels,
}: {
  entries: AuditLogJson[];
  caption: string;
  labels?: Record<string, AuditEntityLabel>;
}) {
  return (
    <section aria-labelledby="history" className="space-y-3">
      <h2 id="history" className="text-xl font-semibold text-slate-900">
        Admin history
      </h2>
      <AuditTable entries={entries} caption={caption} labels={labels} />
    </section>
  );
}
