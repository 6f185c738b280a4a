import Link from 'next/link';
import type { AuditLogJson } from '@/lib/audit/schemas';

const fmt = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

function change(before: unknown, after: unknown): string {
  const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));
  return `${show(before)} → ${show(after)}`;
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
    <div className="overflow-x-auto rounded-xl border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              When (UTC)
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Actor
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Entity
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Change
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Reason
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              From
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {entries.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                {fmt.format(new Date(e.created_at))}
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
              <td className="max-w-64 px-3 py-2 font-mono text-xs break-all text-slate-700">
                {change(e.before, e.after)}
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
        </tbody>
      </table>
    </div>
  );
}
