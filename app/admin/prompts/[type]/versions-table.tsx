'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount, formatUtc } from '@/lib/format';
import type { PromptVersionJson } from '@/lib/prompts/schemas';
import { activationVerb } from './activate-dialog';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(r === 1 ? 0 : 1)}%`);

/** Every version with its usage and what can be done with it. The table scrolls inside its frame on phones. */
export function VersionsTable({
  versions,
  active,
  onActivate,
  onCompare,
  onPreview,
  onEdit,
}: {
  versions: PromptVersionJson[];
  active: number | null;
  onActivate: (v: PromptVersionJson) => void;
  onCompare: (v: PromptVersionJson) => void;
  onPreview: (v: PromptVersionJson) => void;
  onEdit: (v: PromptVersionJson) => void;
}) {
  if (versions.length === 0)
    return <EmptyState title="No versions yet. Save the first one below." />;
  return (
    <DataTable
      caption="Prompt versions, newest first"
      className="min-w-[62rem]"
      columns={[
        { label: 'Version' },
        { label: 'Note' },
        { label: 'Author · created' },
        { label: 'Provider / model' },
        { label: 'Jobs', align: 'right' },
        { label: 'Success', align: 'right' },
        { label: 'Reported', align: 'right' },
        { label: 'Actions', srOnly: true },
      ]}
    >
      {versions.map((v) => {
        const verb = activationVerb(v.version, active);
        return (
          <tr key={v.id} data-testid={`version-row-${v.version}`}>
            <td className="px-4 py-2 whitespace-nowrap">
              <span className="font-semibold text-slate-900 tabular-nums">v{v.version}</span>
              {v.active && (
                <Badge tone="success" className="ml-2">
                  Active
                </Badge>
              )}
            </td>
            <td className="max-w-xs px-4 py-2 text-slate-800">{v.note ?? '—'}</td>
            <td className="px-4 py-2 text-slate-700">
              <span className="block">{v.created_by ?? '—'}</span>
              <span className="block text-xs text-slate-600">{formatUtc(v.created_at)}</span>
            </td>
            <td className="px-4 py-2 text-slate-700">
              {v.provider ? (
                <span className="font-mono text-xs">
                  {v.provider}
                  {v.model ? ` / ${v.model}` : ''}
                </span>
              ) : (
                <span className="text-xs text-slate-600">configured default</span>
              )}
              {v.providers.length ? (
                <span className="block text-xs text-slate-600">
                  failover: <span className="font-mono">{v.providers.join(' → ')}</span>
                </span>
              ) : null}
            </td>
            <td className="px-4 py-2 text-right text-slate-900 tabular-nums">
              {formatCount(v.usage.jobs)}
            </td>
            <td className="px-4 py-2 text-right text-slate-900 tabular-nums">
              <span title={`${v.usage.completed} completed, ${v.usage.failed} failed`}>
                {pct(v.usage.success_rate)}
              </span>
            </td>
            <td className="px-4 py-2 text-right text-slate-900 tabular-nums">
              <span
                title={`${v.usage.reported} of ${v.usage.completed} completed try-ons reported as not right`}
                data-testid={`report-rate-${v.version}`}
              >
                {pct(v.usage.report_rate)}
              </span>
            </td>
            <td className="px-4 py-2">
              <div className="flex flex-wrap justify-end gap-1.5">
                {!v.active && (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => onActivate(v)}
                    aria-label={`${verb} v${v.version}`}
                  >
                    {verb === 'Activate' ? 'Activate' : 'Roll back'}
                  </Button>
                )}
                {active !== null && !v.active && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Compare v${v.version} with the active v${active}`}
                    onClick={() => onCompare(v)}
                  >
                    Compare
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Preview v${v.version}`}
                  onClick={() => onPreview(v)}
                >
                  Preview
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Start a new version from v${v.version}`}
                  onClick={() => onEdit(v)}
                >
                  Edit as new
                </Button>
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
