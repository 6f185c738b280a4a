'use client';

import { cn } from '@/components/ui/cn';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import type { PlaygroundOperation } from '@/lib/openapi/playground';
import { MethodBadge } from './playground-parts';

/** The operation picker: a select on small screens, a list grouped by tag on wide ones. */
export function OperationPicker({
  groups,
  op,
  select,
}: {
  groups: Array<[string, PlaygroundOperation[]]>;
  op: PlaygroundOperation;
  select: (id: string) => void;
}) {
  return (
    <>
      {/* Operation picker: a select on small screens, a list on wide ones. */}
      <div className="lg:hidden">
        <Label htmlFor="op-select">Operation</Label>
        <Select
          id="op-select"
          value={op.id}
          onChange={(e) => select(e.target.value)}
          className="h-11 text-base"
        >
          {groups.map(([tag, ops]) => (
            <optgroup key={tag} label={tag}>
              {ops.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.method.toUpperCase()} {o.path}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      <nav aria-label="Operations" className="hidden lg:block">
        {groups.map(([tag, ops]) => (
          <div key={tag} className="mb-4">
            <h2 className="mb-1 px-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {tag}
            </h2>
            <ul>
              {ops.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    onClick={() => select(o.id)}
                    aria-current={o.id === op.id ? 'true' : undefined}
                    title={o.summary}
                    className={cn(
                      'flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm',
                      o.id === op.id
                        ? 'bg-brand-50 text-brand-900 font-medium'
                        : 'text-slate-800 hover:bg-slate-100',
                    )}
                  >
                    <MethodBadge method={o.method} />
                    <span className="truncate font-mono text-xs">{o.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </>
  );
}
