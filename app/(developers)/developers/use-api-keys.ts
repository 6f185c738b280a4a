'use client';

import { useState } from 'react';
import type { ApiKeyView } from '@/lib/apikeys/schemas';
import { api } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

type CreatedKey = ApiKeyView & { key: string };
export interface ShownKey {
  name: string;
  key: string;
}

/** What the create form sends (POST /api/v1/api-keys). */
export interface NewKeyInput {
  name: string;
  kind: 'secret' | 'test';
  daily_credit_cap?: number | null;
}

const keysApi = {
  list: () => api<{ data: ApiKeyView[] }>('/api/v1/api-keys').then((r) => r.data),
  create: (input: NewKeyInput) => api<CreatedKey>('/api/v1/api-keys', { json: input }),
  regenerate: (id: string) =>
    api<CreatedKey>(`/api/v1/api-keys/${id}/regenerate`, { method: 'POST' }),
  revoke: (id: string) => api<ApiKeyView>(`/api/v1/api-keys/${id}`, { method: 'DELETE' }),
};

/**
 * The API keys list and what can be done to it. One action runs at a time
 * (`busy` names it); a created or regenerated key is `shown` once.
 */
export function useApiKeys(initialKeys: ApiKeyView[]) {
  const [keys, setKeys] = useState(initialKeys);
  const [shown, setShown] = useState<ShownKey | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const action = useApiAction(async (label: string, fn: () => Promise<CreatedKey | unknown>) => {
    setBusy(label);
    try {
      const result = await fn();
      if (result && typeof result === 'object' && 'key' in result) {
        const created = result as CreatedKey;
        setShown({ name: created.name, key: created.key });
      }
      setKeys(await keysApi.list());
      return true;
    } finally {
      setBusy(null);
    }
  });

  return {
    keys,
    active: keys.filter((k) => !k.revoked_at),
    revoked: keys.filter((k) => k.revoked_at),
    shown,
    closeShown: () => setShown(null),
    busy,
    error: action.error,
    failure: action.failure,
    create: (input: NewKeyInput) => action.run('create', () => keysApi.create(input)),
    regenerate: (id: string) => action.run(`regen:${id}`, () => keysApi.regenerate(id)),
    revoke: (id: string) => action.run(`revoke:${id}`, () => keysApi.revoke(id)),
  };
}
