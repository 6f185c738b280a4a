'use client';

import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { useApiGet } from '@/lib/client/use-api-get';
import type { PromptPreviewJson } from '@/lib/prompts/serialize';

const MODE_LABEL = {
  top: 'Top-only try-on',
  full: 'Full outfit try-on',
  one_piece: 'One-piece try-on',
} as const;

/** What a job of each affected mode would send with the chosen version. */
export function PromptPreview({
  type,
  versions,
  version,
  onChange,
}: {
  type: string;
  versions: number[];
  version: number;
  onChange: (version: number) => void;
}) {
  const preview = useApiGet<{ data: PromptPreviewJson[] }>(`/api/admin/prompts/${type}/preview`, {
    version,
  });
  const state =
    preview.status === 'ready'
      ? ({ kind: 'ready', data: preview.data.data } as const)
      : preview.status === 'error'
        ? ({ kind: 'error', message: preview.error } as const)
        : ({ kind: 'loading' } as const);

  return (
    <div className="mt-4 space-y-4">
      <Field label="Version" className="w-32">
        <Select value={version} onChange={(e) => onChange(Number(e.target.value))}>
          {versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </Select>
      </Field>
      <div aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' && (
          <>
            <span className="sr-only">Loading preview</span>
            <Skeleton className="h-32" />
          </>
        )}
        {state.kind === 'error' && <Alert>The preview could not be loaded: {state.message}.</Alert>}
        {state.kind === 'ready' && (
          <div className="grid gap-4 lg:grid-cols-2" data-testid="prompt-preview">
            {state.data.map((p) => (
              <article key={p.mode} className="min-w-0 rounded-lg border border-slate-200 p-4">
                <h3 className="font-semibold text-slate-900">{MODE_LABEL[p.mode]}</h3>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">Provider</dt>
                  <dd className="min-w-0 font-mono break-words text-slate-900">
                    {p.provider} / {p.model}{' '}
                    <span className="font-sans text-xs text-slate-600">({p.provider_source})</span>
                  </dd>
                  <dt className="text-slate-600">Prompts</dt>
                  <dd className="text-slate-900">
                    system v{p.system.version} + {p.instruction.type.replace('_', ' ')} v
                    {p.instruction.version}
                  </dd>
                  <dt className="text-slate-600">Images</dt>
                  <dd className="text-slate-900">{p.images.join(' → ')}</dd>
                </dl>
                {p.prompt_ignored && (
                  <p className="mt-3 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900">
                    The local preview compositor ignores prompts; a real provider receives the text
                    below.
                  </p>
                )}
                {p.system_instruction && (
                  <>
                    <h4 className="mt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                      System instruction
                    </h4>
                    <pre
                      tabIndex={0}
                      aria-label={`System instruction, ${MODE_LABEL[p.mode]}`}
                      className="mt-1 max-h-48 overflow-auto rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-900"
                    >
                      {p.system_instruction}
                    </pre>
                  </>
                )}
                <h4 className="mt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  Text sent
                </h4>
                <pre
                  tabIndex={0}
                  aria-label={`Text sent, ${MODE_LABEL[p.mode]}`}
                  className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-900"
                >
                  {p.text}
                </pre>
              </article>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
