'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { createApiKeyBody, type ApiKeyView } from '@/lib/apikeys/schemas';
import { formErrors } from '@/lib/client/form-errors';
import { KeyList } from './key-list';
import { NewKeyDialog } from './new-key-dialog';
import { useApiKeys } from './use-api-keys';

/** Create, list, regenerate and revoke API keys; a new key is shown once, in a dialog. */
export function ApiKeysClient({ initialKeys }: { initialKeys: ApiKeyView[] }) {
  const keys = useApiKeys(initialKeys);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const serverNameError = formErrors(keys.failure).name;

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    // The route's own schema.
    const parsed = createApiKeyBody.safeParse({ name });
    if (!parsed.success) {
      setNameError(formErrors(parsed.error).name ?? 'Check the name');
      return;
    }
    setNameError(null);
    if (await keys.create(parsed.data.name)) setName('');
  }

  return (
    <div className="space-y-6">
      <Card>
        <form
          onSubmit={(e) => void onCreate(e)}
          noValidate
          className="flex flex-wrap items-start gap-3"
        >
          <Field
            label="New key name"
            error={nameError ?? serverNameError}
            className="min-w-0 flex-1 basis-64"
          >
            <Input
              required
              maxLength={100}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(null);
              }}
              placeholder="e.g. Shop backend"
              className="h-11 text-base"
            />
          </Field>
          <Button
            type="submit"
            className="h-11 w-full sm:mt-6 sm:w-auto"
            disabled={keys.busy !== null || name.trim() === ''}
          >
            {keys.busy === 'create' ? 'Creating…' : 'Create key'}
          </Button>
        </form>
        {keys.error && !serverNameError && <Alert className="mt-3">{keys.error}</Alert>}
      </Card>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold text-slate-900">
          Your keys
        </h2>
        {keys.active.length === 0 ? (
          <EmptyState title="No active keys yet">Create one to call the API.</EmptyState>
        ) : (
          <KeyList
            keys={keys.active}
            busy={keys.busy}
            onRegenerate={(id) => void keys.regenerate(id)}
            onRevoke={(id) => void keys.revoke(id)}
          />
        )}
        {keys.revoked.length > 0 && (
          <p className="text-sm break-words text-slate-600">
            {keys.revoked.length} revoked {keys.revoked.length === 1 ? 'key' : 'keys'}:{' '}
            {keys.revoked.map((k) => `${k.name} (${k.prefix}…)`).join(', ')}
          </p>
        )}
      </section>

      <NewKeyDialog shown={keys.shown} onClose={keys.closeShown} />
    </div>
  );
}
