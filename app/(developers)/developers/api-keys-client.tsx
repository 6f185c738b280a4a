'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { createApiKeyBody, type ApiKeyView } from '@/lib/apikeys/schemas';
import { formErrors } from '@/lib/client/form-errors';
import { KeyList } from './key-list';
import { NewKeyDialog } from './new-key-dialog';
import { useApiKeys } from './use-api-keys';

/** Create, list, regenerate and revoke API keys; a new key is shown once, in a dialog. */
export function ApiKeysClient({ initialKeys }: { initialKeys: ApiKeyView[] }) {
  const keys = useApiKeys(initialKeys);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'secret' | 'test'>('secret');
  const [cap, setCap] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [capError, setCapError] = useState<string | null>(null);
  const serverErrors = formErrors(keys.failure);
  const serverNameError = serverErrors.name;
  const serverCapError = serverErrors.daily_credit_cap;

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    // The route's own schema.
    const parsed = createApiKeyBody.safeParse({
      name,
      kind,
      ...(cap.trim() ? { daily_credit_cap: Number(cap) } : {}),
    });
    if (!parsed.success) {
      const errors = formErrors(parsed.error);
      setNameError(errors.name ?? null);
      setCapError(errors.daily_credit_cap ? 'A whole number of credits, 1 or more' : null);
      return;
    }
    setNameError(null);
    setCapError(null);
    const { kind: parsedKind, daily_credit_cap } = parsed.data;
    if (parsedKind === 'publishable') return;
    if (
      await keys.create({
        name: parsed.data.name,
        kind: parsedKind,
        ...(daily_credit_cap ? { daily_credit_cap } : {}),
      })
    ) {
      setName('');
      setCap('');
    }
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
          <Field
            label="Kind"
            hint={
              kind === 'test'
                ? 'tr_test_: never charged, preview results'
                : 'tr_live_: spends credits'
            }
            className="min-w-0 flex-1 basis-48"
          >
            <Select
              value={kind}
              onChange={(e) => setKind(e.target.value === 'test' ? 'test' : 'secret')}
              className="h-11 text-base"
            >
              <option value="secret">Live key</option>
              <option value="test">Test key</option>
            </Select>
          </Field>
          <Field
            label="Daily credit cap (optional)"
            error={capError ?? serverCapError}
            className="min-w-0 flex-1 basis-48"
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={cap}
              onChange={(e) => {
                setCap(e.target.value);
                setCapError(null);
              }}
              placeholder="No cap"
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
        {keys.error && !serverNameError && !serverCapError && (
          <Alert className="mt-3">{keys.error}</Alert>
        )}
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
