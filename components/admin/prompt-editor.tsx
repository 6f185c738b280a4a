'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { PROVIDERS } from '@/lib/ai/types';
import { createPromptVersionBody, PROMPT_CONTENT_MAX } from '@/lib/prompts/schemas';

type Field = 'content' | 'note' | 'provider' | 'model';

/** The new-version form; validated with the same zod schema as the route. */
export function PromptEditor({
  type,
  initialContent,
  nextVersion,
  onSaved,
}: {
  type: string;
  initialContent: string;
  nextVersion: number;
  onSaved: (message: string, version: number) => void;
}) {
  const id = useId();
  const [content, setContent] = useState(initialContent);
  const [note, setNote] = useState('');
  const [provider, setProvider] = useState('');
  const [model, setModel] = useState('');
  const [activate, setActivate] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const unchanged = content.trim() === initialContent.trim() && !provider && !model;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = createPromptVersionBody.safeParse({
      content,
      note,
      ...(provider ? { provider } : {}),
      ...(model.trim() ? { model } : {}),
      activate,
    });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] as Field | undefined) ?? 'form';
        next[field] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    const res = await fetch(`/api/admin/prompts/${type}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(parsed.data),
    });
    setBusy(false);
    const data = (await res.json().catch(() => null)) as {
      version?: number;
      active?: boolean;
      error?: { message?: string; details?: Array<{ path?: string; message?: string }> };
    } | null;
    if (!res.ok || !data?.version) {
      setErrors({ form: data?.error?.message ?? `Saving failed (${res.status})` });
      return;
    }
    setNote('');
    onSaved(
      data.active
        ? `Saved v${data.version} and made it active.`
        : `Saved v${data.version}. It is not active yet: activate it from the list when ready.`,
      data.version,
    );
  }

  const describe = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);
  const errorText = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-red-700">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={`${id}-content`} className="block text-sm font-medium text-slate-800">
            Prompt text for v{nextVersion}
          </label>
          <span
            className={`text-xs tabular-nums ${content.length > PROMPT_CONTENT_MAX ? 'text-red-700' : 'text-slate-600'}`}
          >
            {content.length.toLocaleString('en')} / {PROMPT_CONTENT_MAX.toLocaleString('en')}
          </span>
        </div>
        <textarea
          id={`${id}-content`}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          rows={8}
          aria-invalid={Boolean(errors.content)}
          aria-describedby={describe('content')}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm leading-relaxed text-slate-900"
        />
        {errorText('content')}
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
          What changed and why
        </label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={Boolean(errors.note)}
          aria-describedby={describe('note')}
          placeholder="e.g. keep shoes unless covered"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {errorText('note')}
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">
          Provider override (optional)
        </legend>
        <div>
          <label htmlFor={`${id}-provider`} className="block text-xs text-slate-700">
            Provider
          </label>
          <select
            id={`${id}-provider`}
            value={provider}
            onChange={(e) => setProvider(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Configured default</option>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-model`} className="block text-xs text-slate-700">
            Model
          </label>
          <input
            id={`${id}-model`}
            value={model}
            maxLength={100}
            onChange={(e) => setModel(e.target.value)}
            aria-invalid={Boolean(errors.model)}
            aria-describedby={describe('model')}
            placeholder={provider ? 'the provider’s default' : 'choose a provider first'}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          />
          {errorText('model')}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={activate}
          onChange={(e) => setActivate(e.target.checked)}
          className="h-4 w-4 rounded border-slate-300"
        />
        Make it active when saved
      </label>
      {errors.form && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          {errors.form}
        </p>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy
            ? 'Saving…'
            : activate
              ? `Save and activate v${nextVersion}`
              : `Save v${nextVersion}`}
        </Button>
        {unchanged && (
          <span className="text-xs text-slate-600">Same text as the version it starts from.</span>
        )}
      </div>
    </form>
  );
}
