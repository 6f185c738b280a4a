'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { type ApiKeyView } from '@/lib/apikeys/schemas';
import { api } from '@/lib/client/api';
import { errorMessage } from '@/lib/client/api-error';
import { formatDate } from '@/lib/format';
import { PLAYGROUND_KEY_HANDOFF } from './playground/key-handoff';

/** Create, list, regenerate and revoke API keys; a new key is shown once, in a dialog. */
export function ApiKeysClient({ initialKeys }: { initialKeys: ApiKeyView[] }) {
  const router = useRouter();
  const [keys, setKeys] = useState(initialKeys);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function refresh() {
    setKeys((await api<{ data: ApiKeyView[] }>('/api/v1/api-keys')).data);
  }

  async function run(label: string, fn: () => Promise<void>) {
    setBusy(label);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  function onCreate(e: FormEvent) {
    e.preventDefault();
    void run('create', async () => {
      const created = await api<ApiKeyView & { key: string }>('/api/v1/api-keys', {
        json: { name },
      });
      setShown({ name: created.name, key: created.key });
      setCopied(false);
      setName('');
      await refresh();
    });
  }

  const active = keys.filter((k) => !k.revoked_at);
  const revoked = keys.filter((k) => k.revoked_at);

  return (
    <div className="space-y-6">
      <Card>
        <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <Label htmlFor="key-name">New key name</Label>
            <Input
              id="key-name"
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Shop backend"
              className="text-base"
            />
          </div>
          <Button type="submit" disabled={busy !== null || name.trim() === ''}>
            {busy === 'create' ? 'Creating…' : 'Create key'}
          </Button>
        </form>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {error}
          </p>
        )}
      </Card>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold text-slate-900">
          Your keys
        </h2>
        {active.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
            No active keys yet. Create one to call the API.
          </p>
        ) : (
          <DataTable
            caption="Active API keys"
            columns={[
              { label: 'Name' },
              { label: 'Key' },
              { label: 'Created' },
              { label: 'Last used' },
              { label: 'Calls', align: 'right' },
              { label: 'Actions', srOnly: true },
            ]}
          >
            {active.map((k) => (
              <tr key={k.id}>
                <td className="px-4 py-2 font-medium text-slate-900">{k.name}</td>
                <td className="px-4 py-2 font-mono text-xs text-slate-700">{k.prefix}…</td>
                <td className="px-4 py-2 text-slate-700">{formatDate(k.created_at)}</td>
                <td className="px-4 py-2 text-slate-700">
                  {k.last_used_at ? formatDate(k.last_used_at) : 'Never'}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{k.usage_count}</td>
                <td className="px-4 py-2 text-right whitespace-nowrap">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy !== null}
                    onClick={() =>
                      void run(`regen:${k.id}`, async () => {
                        const next = await api<ApiKeyView & { key: string }>(
                          `/api/v1/api-keys/${k.id}/regenerate`,
                          { method: 'POST' },
                        );
                        setShown({ name: next.name, key: next.key });
                        setCopied(false);
                        await refresh();
                      })
                    }
                  >
                    Regenerate
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-red-700"
                    disabled={busy !== null}
                    aria-label={`Revoke ${k.name}`}
                    onClick={() =>
                      void run(`revoke:${k.id}`, async () => {
                        await api(`/api/v1/api-keys/${k.id}`, { method: 'DELETE' });
                        await refresh();
                      })
                    }
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {revoked.length > 0 && (
          <p className="text-sm text-slate-600">
            {revoked.length} revoked {revoked.length === 1 ? 'key' : 'keys'}:{' '}
            {revoked.map((k) => `${k.name} (${k.prefix}…)`).join(', ')}
          </p>
        )}
      </section>

      <Dialog.Root open={shown !== null} onOpenChange={(open) => !open && setShown(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-slate-900/50" />
          <Dialog.Content className="fixed top-1/2 left-1/2 w-[min(92vw,36rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-semibold text-slate-900">
              Your new key: {shown?.name}
            </Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-700">
              Copy it now. For your safety we keep only a fingerprint of it, so it cannot be shown
              again.
            </Dialog.Description>
            <div className="mt-4 flex items-center gap-2">
              <code
                data-testid="new-api-key"
                className="flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-2 font-mono text-sm"
              >
                {shown?.key}
              </code>
              <Button
                variant="secondary"
                onClick={() => {
                  if (shown)
                    void navigator.clipboard?.writeText(shown.key).then(() => setCopied(true));
                }}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
            <div className="mt-6 flex flex-wrap items-center justify-end gap-3">
              <Button
                variant="ghost"
                onClick={() => {
                  if (!shown) return;
                  // Handed to the playground in this tab only, read once and removed there.
                  sessionStorage.setItem(PLAYGROUND_KEY_HANDOFF, shown.key);
                  router.push('/developers/playground?op=get-/credits');
                }}
              >
                Test it in the playground
              </Button>
              <Dialog.Close asChild>
                <Button>I have saved it</Button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
