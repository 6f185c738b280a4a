'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { useApiGet } from '@/lib/client/use-api-get';
import { cn } from '@/components/ui/cn';
import type { DiffPart, SideBySideRow } from '@/lib/prompts/diff-text';
import type { PromptComparisonJson } from '@/lib/prompts/serialize';

type Mode = 'inline' | 'side';

function Parts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'equal' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'insert' ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline decoration-green-700">
            <span className="sr-only">[added: </span>
            {p.text}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          <del key={i} className="bg-red-100 text-red-900 decoration-red-700">
            <span className="sr-only">[removed: </span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        ),
      )}
    </>
  );
}

const ROW_TONE: Record<SideBySideRow['kind'], { left: string; right: string }> = {
  equal: { left: '', right: '' },
  changed: { left: 'bg-red-50', right: 'bg-green-50' },
  removed: { left: 'bg-red-50', right: 'bg-slate-50' },
  added: { left: 'bg-slate-50', right: 'bg-green-50' },
};

/** Two version pickers and the diff between them, word-level inline or line by line side by side. */
export function PromptDiff({
  type,
  versions,
  from,
  to,
  onChange,
}: {
  type: string;
  versions: number[];
  from: number;
  to: number;
  onChange: (v: { from: number; to: number }) => void;
}) {
  const [mode, setMode] = useState<Mode>('inline');
  const diff = useApiGet<PromptComparisonJson>(`/api/admin/prompts/${type}/diff`, { from, to });
  const state =
    diff.status === 'ready'
      ? ({ kind: 'ready', data: diff.data } as const)
      : diff.status === 'error'
        ? ({ kind: 'error', message: diff.error } as const)
        : ({ kind: 'loading' } as const);

  const select = (which: 'from' | 'to') => (
    <Field label={which === 'from' ? 'From (older)' : 'To (newer)'} className="w-32">
      <Select
        value={which === 'from' ? from : to}
        onChange={(e) => onChange({ from, to, [which]: Number(e.target.value) })}
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            v{v}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        {select('from')}
        {select('to')}
        <div
          role="group"
          aria-label="Diff layout"
          className="flex rounded-md border border-slate-300"
        >
          {(['inline', 'side'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              className={cn(
                'min-h-11 px-3 text-sm font-medium first:rounded-l-md last:rounded-r-md',
                mode === m
                  ? 'bg-slate-900 text-white'
                  : 'bg-white text-slate-800 hover:bg-slate-50',
              )}
            >
              {m === 'inline' ? 'Inline' : 'Side by side'}
            </button>
          ))}
        </div>
      </div>

      <div aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' && (
          <>
            <span className="sr-only">Loading diff</span>
            <Skeleton className="h-24" />
          </>
        )}
        {state.kind === 'error' && (
          <Alert>
            The diff could not be loaded: {state.message}.{' '}
            <button type="button" className="font-medium underline" onClick={diff.reload}>
              Try again
            </button>
          </Alert>
        )}
        {state.kind === 'ready' && (
          <div className="space-y-3" data-testid="prompt-diff">
            <p className="text-sm text-slate-700">
              v{state.data.from.version} → v{state.data.to.version}:{' '}
              {state.data.stats.added === 0 && state.data.stats.removed === 0 ? (
                'the text is the same.'
              ) : (
                <>
                  <span className="font-medium text-green-800">
                    +{state.data.stats.added} words
                  </span>
                  ,{' '}
                  <span className="font-medium text-red-800">
                    −{state.data.stats.removed} words
                  </span>
                </>
              )}
              {state.data.settings_changed.map((s) => (
                <span key={s.field} className="ml-2">
                  · {s.field}: {s.from ?? 'default'} → {s.to ?? 'default'}
                </span>
              ))}
            </p>
            {mode === 'inline' ? (
              <p className="rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-900">
                <Parts parts={state.data.words} />
              </p>
            ) : (
              <div className="overflow-x-auto rounded-lg border border-slate-200">
                <table className="w-full min-w-[36rem] table-fixed font-mono text-sm">
                  <caption className="sr-only">
                    Line by line: v{state.data.from.version} left, v{state.data.to.version} right
                  </caption>
                  <thead className="bg-slate-50 text-xs text-slate-600">
                    <tr>
                      <th scope="col" className="px-3 py-1.5 text-left">
                        v{state.data.from.version}
                      </th>
                      <th scope="col" className="px-3 py-1.5 text-left">
                        v{state.data.to.version}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {state.data.lines.map((row, i) => (
                      <tr key={i} className="align-top">
                        <td
                          className={cn(
                            'px-3 py-1 break-words whitespace-pre-wrap',
                            ROW_TONE[row.kind].left,
                          )}
                        >
                          {row.left && (
                            <>
                              <span className="mr-2 text-xs text-slate-500 select-none">
                                {row.left.line}
                              </span>
                              <Parts parts={row.left.parts} />
                            </>
                          )}
                        </td>
                        <td
                          className={cn(
                            'px-3 py-1 break-words whitespace-pre-wrap',
                            ROW_TONE[row.kind].right,
                          )}
                        >
                          {row.right && (
                            <>
                              <span className="mr-2 text-xs text-slate-500 select-none">
                                {row.right.line}
                              </span>
                              <Parts parts={row.right.parts} />
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
