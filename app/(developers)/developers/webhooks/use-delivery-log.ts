'use client';

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import type { WebhookDeliveryPage, WebhookDeliveryView } from '@/lib/webhooks/schemas';
import { webhooksApi } from './webhooks-api';

/**
 * One endpoint's delivery log: the page shown, loading and error state,
 * polling while something is still being sent, and redelivery.
 */
export function useDeliveryLog(endpointId: string) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<WebhookDeliveryPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    async (p: number, quiet = false) => {
      if (!quiet) setLoading(true);
      try {
        setData(await webhooksApi.deliveries(endpointId, p));
        setError(null);
      } catch (err) {
        setError(errorMessage(err, 'Could not load deliveries'));
      } finally {
        setLoading(false);
      }
    },
    [endpointId],
  );

  // First page on mount (the card remounts the log when something new was sent).
  useEffect(() => {
    let live = true;
    webhooksApi
      .deliveries(endpointId, 1)
      .then((page1) => live && setData(page1))
      .catch((err: unknown) => live && setError(errorMessage(err, 'Could not load deliveries')))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [endpointId]);

  // While something is still being sent, look again every couple of seconds.
  const pending = data?.data.some((d) => d.status === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const t = setInterval(() => void load(page, true), 2000);
    return () => clearInterval(t);
  }, [pending, page, load]);

  /** Resolves true when the redelivery was queued. */
  async function redeliver(d: WebhookDeliveryView): Promise<boolean> {
    setBusy(d.id);
    setNotice(null);
    try {
      await webhooksApi.retry(endpointId, d.id);
      setNotice(`Redelivery of ${d.event_type} queued.`);
      setTimeout(() => void load(page, true), 700);
      return true;
    } catch (err) {
      setNotice(errorMessage(err, 'Could not redeliver'));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return {
    page,
    pages: data ? Math.max(1, Math.ceil(data.total / data.limit)) : 1,
    data,
    error,
    loading,
    busy,
    notice,
    reload: () => void load(page),
    go: (p: number) => {
      setPage(p);
      void load(p);
    },
    redeliver,
  };
}
