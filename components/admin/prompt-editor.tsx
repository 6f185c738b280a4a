'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { PROVIDERS } from '@/lib/ai/types';
import { api, useApiAction } from '@/lib/client';
import { formatCount } from '@/lib/format';
import {
  createPromptVersionBody,
  PROMPT_CONTENT_MAX,
  type CreatePromptVersionBody,
} from '@/lib/prompts/schemas';

type FieldName = 'content' | 'note' | 'provider' | 'model' | 'providers';

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
  const [content, setContent] = useState(initialContent);
  const [note, setNote] = useState('');
  const [provider, setProvider] = useState('');
  const [model, setModel] = useState('');
  const [failover, setFailover] = useState('');
  const [activate, setActivate] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName | 'form', string>>>({});
  const save = useApiAction(
    (body: CreatePromptVersionBody) =>
      api<{ version: number; active: boolean }>(`/api/admin/prompts/${type}`, {
        method: 'POST',
        json: body,
      }),
    { fallback: 'Saving failed.' },
  );
  const failoverList = failover
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const unchanged =
    content.trim() === initialContent.trim() && !provider && !model && !failoverList.length;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = createPromptVersionBody.safeParse({
      content,
      note,
      ...(provider ? { provider } : {}),
      ...(model.trim() ? { model } : {}),
      ...(failoverList.length ? { providers: failoverList } : {}),
      activate,
    });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] as FieldName | undefined) ?? 'form';
        next[field] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    const data = await save.run(parsed.data);
    if (!data) return;
    setNote('');
    onSaved(
      data.active
        ? `Saved v${data.version} and made it active.`
        : `Saved v${data.version}. It is not active yet: activate it from the list when ready.`,
      data.version,
    );
  }

  const formError = errors.form ?? save.error;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <Field
        label={`Prompt text for v${nextVersion}`}
        hint={`${formatCount(content.length)} / ${formatCount(PROMPT_CONTENT_MAX)} characters`}
        error={
          errors.content ??
          (content.length > PROMPT_CONTENT_MAX ? 'The prompt is too long.' : undefined)
        }
      >
        <Textarea
          value={content}
          onChange={(e) => setContent(e.target.value)}
          rows={8}
          className="font-mono leading-relaxed"
        />
      </Field>
      <Field label="What changed and why" error={errors.note}>
        <Input
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          placeholder="e.g. keep shoes unless covered"
        />
      </Field>
      <fieldset className="grid min-w-0 gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">
          Provider override (optional)
        </legend>
        <Field label="Provider" error={errors.provider}>
          <Select value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">Configured default</option>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Model" error={errors.model}>
          <Input
            value={model}
            maxLength={100}
            onChange={(e) => setModel(e.target.value)}
            placeholder={provider ? 'the provider’s default' : 'choose a provider first'}
            className="font-mono"
          />
        </Field>
        <Field
          label="Failover order"
          hint="Providers in the order to try, comma-separated (e.g. gemini, openai): a 429, 5xx or timeout moves the job to the next; a safety block does not. Empty: the configured order."
          error={errors.providers}
          className="sm:col-span-2"
        >
          <Input
            value={failover}
            maxLength={60}
            onChange={(e) => setFailover(e.target.value)}
            placeholder="configured order"
            className="font-mono"
          />
        </Field>
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={activate}
          onChange={(e) => setActivate(e.target.checked)}
          className="h-4 w-4 rounded border-slate-300"
        />
        Make it active when saved
      </label>
      {formError && <Alert>{formError}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.pending} className="min-h-11">
          {save.pending
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
