'use client';

import { useEffect, useId, useState } from 'react';
import type { PromptPreviewJson } from '@/lib/prompts/serialize';

const MODE_LABEL = { top: 'Top-only try-on', full: 'Full outfit try-on' } as const;

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
  const id = useId();
  const key = `${type}:${version}`;
  // Results carry the request they answer; anything else on screen is loading.
  const [result, setResult] = useState<
    | { key: string; kind: 'error'; message: string }
    | { key: string; kind: 'ready'; data: PromptPreviewJson[] }
    | null
  >(null);
  const state = result && result.key === key ? result : ({ kind: 'loading' } as const);

  useEffect(() => {
    let live = true;
    const setState = (
      r: { kind: 'error'; message: string } | { kind: 'ready'; data: PromptPreviewJson[] },
    ) => setResult({ key: `${type}:${version}`, ...r });
    fetch(`/api/admin/prompts/${type}/preview?version=${version}`)
      .then(async (res) => {
        const body = (await res.json()) as {
          data?: PromptPreviewJson[];
          error?: { message: string };
        };
        if (!live) return;
        if (!res.ok || !body.data)
          setState({ kind: 'error', message: body.error?.message ?? 'Failed' });
        else setState({ kind: 'ready', data: body.data });
      })
      .catch(() => live && setState({ kind: 'error', message: 'Network error' }));
    return () => {
      live = false;
    };
  }, [type, version]);

  return (
    <div className="mt-4 space-y-4">
      <div>
        <label htmlFor={`${id}-version`} className="block text-xs font-medium text-slate-700">
          Version
        </label>
        <select
          id={`${id}-version`}
          value={version}
          onChange={(e) => onChange(Number(e.target.value))}
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' && (
          <div
            className="h-32 animate-pulse rounded-lg bg-slate-100"
            aria-label="Loading preview"
          />
        )}
        {state.kind === 'error' && (
          <p role="alert" className="text-sm text-red-800">
            The preview could not be loaded: {state.message}.
          </p>
        )}
        {state.kind === 'ready' && (
          <div className="grid gap-4 lg:grid-cols-2" data-testid="prompt-preview">
            {state.data.map((p) => (
              <article key={p.mode} className="rounded-lg border border-slate-200 p-4">
                <h3 className="font-semibold text-slate-900">{MODE_LABEL[p.mode]}</h3>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">Provider</dt>
                  <dd className="font-mono text-slate-900">
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
                    <pre className="mt-1 max-h-48 overflow-auto rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-900">
                      {p.system_instruction}
                    </pre>
                  </>
                )}
                <h4 className="mt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  Text sent
                </h4>
                <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-900">
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
