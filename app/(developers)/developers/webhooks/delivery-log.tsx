'use client';

import { Fragment, useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import type { WebhookDeliveryPage, WebhookDeliveryView } from '@/lib/webhooks/schemas';
import { StatusBadge } from './status-badge';
import { webhooksApi } from './webhooks-api';
import { formatUtc } from '@/lib/format';

const fmt = (iso: string) => formatUtc(iso, { seconds: true });

function lastAnswer(d: WebhookDeliveryView): string {
  const a = d.attempts.at(-1);
  if (!a) return 'Not sent yet';
  const what = a.status_code !== null ? `HTTP ${a.status_code}` : (a.error ?? 'No answer');
  return a.latency_ms !== null ? `${what} · ${a.latency_ms} ms` : what;
}

function statusOf(d: WebhookDeliveryView) {
  if (d.status === 'pending') return d.attempt_count === 0 ? 'Sending' : 'Retrying';
  return d.status === 'succeeded' ? 'Delivered' : 'Failed';
}

/** One endpoint's deliveries, newest first, with every attempt and a redeliver button. */
export function DeliveryLog({
  endpointId,
  canRedeliver,
}: {
  endpointId: string;
  canRedeliver: boolean;
}) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<WebhookDeliveryPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    async (p: number, quiet = false) => {
      if (!quiet) setLoading(true);
      try {
        setData(await webhooksApi.deliveries(endpointId, p));
        setError(null);
      } catch (err) {
        setError(err instanceof Error ? err.message : 'Could not load deliveries');
      } finally {
        setLoading(false);
      }
    },
    [endpointId],
  );

  // First page on mount (the parent remounts the log when something new was sent).
  useEffect(() => {
    let live = true;
    webhooksApi
      .deliveries(endpointId, 1)
      .then((page1) => {
        if (live) setData(page1);
      })
      .catch((err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : 'Could not load deliveries');
      })
      .finally(() => {
        if (live) setLoading(false);
      });
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

  async function redeliver(d: WebhookDeliveryView) {
    setBusy(d.id);
    setNotice(null);
    try {
      await webhooksApi.retry(endpointId, d.id);
      setNotice(`Redelivery of ${d.event_type} queued.`);
      setOpen((s) => new Set(s).add(d.id));
      setTimeout(() => void load(page, true), 700);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : 'Could not redeliver');
    } finally {
      setBusy(null);
    }
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.limit)) : 1;
  const go = (p: number) => {
    setPage(p);
    void load(p);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold text-slate-900">Delivery log</h4>
        <Button size="sm" variant="secondary" onClick={() => void load(page)} disabled={loading}>
          {loading ? 'Loading…' : 'Refresh'}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {notice}
      </p>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}{' '}
          <button className="font-medium underline" onClick={() => void load(page)}>
            Try again
          </button>
        </p>
      )}
      {!data && loading && <p className="text-sm text-slate-600">Loading deliveries…</p>}
      {data && data.total === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600">
          Nothing sent yet. Send a test event to see a delivery here.
        </p>
      )}
      {data && data.total > 0 && (
        <DataTable
          caption="Webhook deliveries"
          className="min-w-[44rem]"
          columns={[
            { label: 'Event' },
            { label: 'Status' },
            { label: 'Attempts', align: 'right' },
            { label: 'Last answer' },
            { label: 'Created' },
            { label: 'Actions', srOnly: true },
          ]}
        >
          {data.data.map((d) => {
            const expanded = open.has(d.id);
            return (
              <Fragment key={d.id}>
                <tr data-testid="delivery-row">
                  <td className="px-4 py-2">
                    <span className="font-mono text-xs text-slate-900">{d.event_type}</span>
                    {d.test && (
                      <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">
                        test
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2">
                    <StatusBadge status={d.status} label={statusOf(d)} />
                    {d.next_attempt_at && d.attempt_count > 0 && (
                      <span className="mt-1 block text-xs text-slate-600">
                        Next attempt {fmt(d.next_attempt_at)}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{d.attempt_count}</td>
                  <td className="px-4 py-2 text-slate-700">{lastAnswer(d)}</td>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                    {fmt(d.created_at)}
                  </td>
                  <td className="px-4 py-2 text-right whitespace-nowrap">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-expanded={expanded}
                      aria-controls={`attempts-${d.id}`}
                      onClick={() =>
                        setOpen((s) => {
                          const n = new Set(s);
                          if (n.has(d.id)) n.delete(d.id);
                          else n.add(d.id);
                          return n;
                        })
                      }
                    >
                      {expanded ? 'Hide attempts' : 'Attempts'}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={!canRedeliver || busy !== null}
                      onClick={() => void redeliver(d)}
                      aria-label={`Redeliver ${d.event_type} from ${fmt(d.created_at)}`}
                    >
                      {busy === d.id ? 'Queuing…' : 'Redeliver'}
                    </Button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={`attempts-${d.id}`}>
                    <td colSpan={6} className="bg-slate-50 px-4 py-3">
                      <p className="text-xs text-slate-600">
                        webhook-id <code className="font-mono">{d.message_id}</code>
                        {d.last_error && d.status !== 'succeeded' && (
                          <> · last error: {d.last_error}</>
                        )}
                      </p>
                      {d.attempts.length === 0 ? (
                        <p className="mt-2 text-sm text-slate-700">No attempt yet.</p>
                      ) : (
                        <ol className="mt-2 space-y-2">
                          {d.attempts.map((a, i) => (
                            <li key={i} className="rounded-md bg-white p-3 ring-1 ring-slate-200">
                              <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                                <span className="font-medium text-slate-900">
                                  Attempt {i + 1}
                                  {a.manual ? ' (redelivery)' : ''}
                                </span>
                                <span className="text-slate-700">{fmt(a.at)}</span>
                                <span
                                  className={
                                    a.error ? 'font-medium text-red-800' : 'text-emerald-800'
                                  }
                                >
                                  {a.status_code !== null ? `HTTP ${a.status_code}` : 'No answer'}
                                  {a.error && a.error !== `HTTP ${a.status_code}`
                                    ? ` — ${a.error}`
                                    : ''}
                                </span>
                                {a.latency_ms !== null && (
                                  <span className="text-slate-700 tabular-nums">
                                    {a.latency_ms} ms
                                  </span>
                                )}
                              </p>
                              {a.response_excerpt && (
                                <pre className="mt-2 max-h-40 overflow-auto rounded bg-slate-900 p-2 text-xs whitespace-pre-wrap text-slate-100">
                                  {a.response_excerpt}
                                </pre>
                              )}
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </DataTable>
      )}
      {data && pages > 1 && (
        <nav aria-label="Delivery log pages" className="flex items-center justify-end gap-2">
          <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
            Previous
          </Button>
          <span className="text-sm text-slate-700">
            Page {page} of {pages}
          </span>
          <Button
            size="sm"
            variant="secondary"
            disabled={page >= pages}
            onClick={() => go(page + 1)}
          >
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
