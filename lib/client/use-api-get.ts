'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, apiUrl, type ApiOptions } from './api';
import { errorMessage } from './api-error';

export type ApiGet<T> =
  | { status: 'loading'; data: undefined; error: null; reload: () => void }
  | { status: 'error'; data: undefined; error: string; reload: () => void }
  | { status: 'ready'; data: T; error: null; reload: () => void };

type Settled<T> = { url: string; attempt: number } & (
  { ok: true; data: T } | { ok: false; error: string }
);

/**
 * GETs an API path whenever it (or its query) changes and keeps only the
 * answer to the current request: while a newer one is in flight the state is
 * `loading`, never the previous answer. `reload()` asks again.
 */
export function useApiGet<T>(path: string, query?: ApiOptions['query']): ApiGet<T> {
  const url = apiUrl(path, query);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    api<T>(url, { signal: controller.signal })
      .then((data) => setSettled({ url, attempt, ok: true, data }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ url, attempt, ok: false, error: errorMessage(err, 'The request failed') });
      });
    return () => controller.abort();
  }, [url, attempt]);

  if (!settled || settled.url !== url || settled.attempt !== attempt)
    return { status: 'loading', data: undefined, error: null, reload };
  return settled.ok
    ? { status: 'ready', data: settled.data, error: null, reload }
    : { status: 'error', data: undefined, error: settled.error, reload };
}
