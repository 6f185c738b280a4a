'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatUtc } from '@/lib/format';
import type { WebhookDeliveryView } from '@/lib/webhooks/schemas';
import { StatusBadge } from './status-badge';

export const fmt = (iso: string) => formatUtc(iso, { seconds: true });

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

/** One delivery as a table row, and its attempts in the row below when expanded. */
export function DeliveryRow({
  d,
  expanded,
  onToggle,
  canRedeliver,
  busy,
  onRedeliver,
}: {
  d: WebhookDeliveryView;
  expanded: boolean;
  onToggle: () => void;
  canRedeliver: boolean;
  busy: string | null;
  onRedeliver: () => void;
}) {
  return (
    <>
      <tr data-testid="delivery-row">
        <td className="px-4 py-2">
          <span className="font-mono text-xs text-slate-900">{d.event_type}</span>
          {d.test && (
            <Badge tone="neutral" className="ml-2 rounded">
              test
            </Badge>
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
        <td className="px-4 py-2 whitespace-nowrap text-slate-700">{fmt(d.created_at)}</td>
        <td className="px-4 py-2 text-right whitespace-nowrap">
          <Button
            size="sm"
            variant="ghost"
            className="h-11 sm:h-8"
            aria-expanded={expanded}
            aria-controls={`attempts-${d.id}`}
            onClick={onToggle}
          >
            {expanded ? 'Hide attempts' : 'Attempts'}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="h-11 sm:h-8"
            disabled={!canRedeliver || busy !== null}
            onClick={onRedeliver}
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
              {d.last_error && d.status !== 'succeeded' && <> · last error: {d.last_error}</>}
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
                      <span className={a.error ? 'font-medium text-red-800' : 'text-emerald-800'}>
                        {a.status_code !== null ? `HTTP ${a.status_code}` : 'No answer'}
                        {a.error && a.error !== `HTTP ${a.status_code}` ? ` — ${a.error}` : ''}
                      </span>
                      {a.latency_ms !== null && (
                        <span className="text-slate-700 tabular-nums">{a.latency_ms} ms</span>
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
    </>
  );
}
