'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { ApiKeyView } from '@/lib/apikeys/schemas';
import { api } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

type CreatedKey = ApiKeyView & { key: string };

/** One origin per line (or separated by commas or spaces), as typed. */
function originLines(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const widgetKeysApi = {
  list: () =>
    api<{ data: ApiKeyView[] }>('/api/v1/api-keys').then((r) =>
      r.data.filter((k) => k.kind === 'publishable' && !k.revoked_at),
    ),
  create: (name: string, origins: string[]) =>
    api<CreatedKey>('/api/v1/api-keys', {
      json: { name, kind: 'publishable', allowed_origins: origins },
    }),
  setOrigins: (id: string, origins: string[]) =>
    api<ApiKeyView>(`/api/v1/api-keys/${id}`, {
      method: 'PATCH',
      json: { allowed_origins: origins },
    }),
};

function EmbedSnippet({ appUrl, publishableKey }: { appUrl: string; publishableKey: string }) {
  const snippet = `<script src="${appUrl}/embed.js" data-key="${publishableKey}" async></script>\n<button data-trailroom-sku="YOUR-SKU">Try it on</button>`;
  return (
    <pre
      aria-label="Embed code"
      className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100"
    >
      {snippet}
    </pre>
  );
}

function OriginsEditor({ k, onSaved }: { k: ApiKeyView; onSaved: (keys: ApiKeyView[]) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState((k.allowed_origins ?? []).join('\n'));
  const save = useApiAction(async () => {
    await widgetKeysApi.setOrigins(k.id, originLines(text));
    onSaved(await widgetKeysApi.list());
    setOpen(false);
    return true;
  });
  if (!open)
    return (
      <Button
        variant="secondary"
        className="h-11 sm:h-9"
        aria-label={`Edit origins of ${k.name}`}
        onClick={() => setOpen(true)}
      >
        Edit origins
      </Button>
    );
  return (
    <form
      className="mt-3 space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <Field
        label={`Allowed origins of ${k.name}`}
        hint="One per line, e.g. https://shop.example"
        error={save.error}
      >
        <Textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" className="h-11 sm:h-9" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save origins'}
        </Button>
        <Button variant="ghost" className="h-11 sm:h-9" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * The organisation's publishable keys for the storefront widget: create one
 * with the shop origins it may run on, see and edit those origins, and copy
 * the embed code. Revoke and regenerate are in the key list above.
 */
export function WidgetKeysClient({
  initialKeys,
  appUrl,
}: {
  initialKeys: ApiKeyView[];
  appUrl: string;
}) {
  const [keys, setKeys] = useState(initialKeys);
  const [name, setName] = useState('Storefront');
  const [origins, setOrigins] = useState('');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const create = useApiAction(async () => {
    const key = await widgetKeysApi.create(name.trim(), originLines(origins));
    setCreated(key);
    setKeys(await widgetKeysApi.list());
    setOrigins('');
    return true;
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void create.run();
  }

  return (
    <section aria-labelledby="widget-keys-heading" className="space-y-3">
      <h2 id="widget-keys-heading" className="text-lg font-semibold text-slate-900">
        Storefront widget keys
      </h2>
      <p className="max-w-3xl text-sm text-slate-700">
        A publishable key (<code className="rounded bg-slate-100 px-1">pk_live_…</code>) goes in
        your shop’s pages: it can only open try-ons of this organisation’s active products, from the
        shop origins you list, paid from this organisation’s credits.
      </p>
      <Card>
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <Field label="Widget key name">
            <Input
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
              className="h-11 text-base"
            />
          </Field>
          <Field
            label="Allowed shop origins"
            hint="One per line: scheme, host and port only, e.g. https://shop.example"
            error={create.error}
          >
            <Textarea
              rows={3}
              value={origins}
              onChange={(e) => setOrigins(e.target.value)}
              placeholder="https://shop.example"
            />
          </Field>
          <Button
            type="submit"
            className="h-11 w-full sm:w-auto"
            disabled={create.pending || name.trim() === '' || origins.trim() === ''}
          >
            {create.pending ? 'Creating…' : 'Create widget key'}
          </Button>
        </form>
        {created && (
          <div className="mt-4 space-y-2" role="status">
            <p className="text-sm font-medium text-slate-900">
              Your new widget key (shown once): add this to your shop’s pages.
            </p>
            <code
              data-testid="new-widget-key"
              className="block rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all"
            >
              {created.key}
            </code>
            <EmbedSnippet appUrl={appUrl} publishableKey={created.key} />
          </div>
        )}
      </Card>
      {keys.length === 0 ? (
        <EmptyState title="No widget keys yet">
          Create one to put a “Try it on” button on your shop.
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Widget keys">
          {keys.map((k) => (
            <li key={k.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-medium break-words text-slate-900">{k.name}</p>
                  <p className="font-mono text-sm text-slate-600">{k.prefix}…</p>
                </div>
                <OriginsEditor k={k} onSaved={setKeys} />
              </div>
              <p className="mt-2 text-sm text-slate-700">Allowed origins:</p>
              <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                {(k.allowed_origins ?? []).map((o) => (
                  <li key={o} className="rounded bg-slate-100 px-2 py-1 font-mono break-all">
                    {o}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {keys.length === 0 && !created ? null : (
        <Alert tone="info">
          Keep the shop’s origins exact: the widget refuses to open, and cannot be framed, anywhere
          else.
        </Alert>
      )}
    </section>
  );
}
