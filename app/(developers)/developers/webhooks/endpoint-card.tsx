'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Select } from '@/components/ui/select';
import type { WebhookEndpointView } from '@/lib/webhooks/schemas';
import { DeliveryLog } from './delivery-log';
import { SecretRow } from './secret-row';
import { StatusBadge } from './status-badge';
import { useEndpointAction } from './use-endpoint-action';
import { webhooksApi } from './webhooks-api';

const tap = 'h-11 sm:h-8';

/** One endpoint: state, events, secret, test event, and its delivery log. */
export function EndpointCard({
  endpoint,
  disableAfter,
  initialSecret,
  onChanged,
  onEdit,
  onDeleted,
}: {
  endpoint: WebhookEndpointView;
  disableAfter: number;
  /** Shown at once (a just-created endpoint). */
  initialSecret?: string;
  onChanged: (next: WebhookEndpointView) => void;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { busy, message, run } = useEndpointAction();
  const [testType, setTestType] = useState<string>(endpoint.events[0] ?? 'tryon.completed');
  const [showLog, setShowLog] = useState(false);
  const [logKey, setLogKey] = useState(0);

  const status = endpoint.enabled
    ? 'enabled'
    : endpoint.disabled_reason?.startsWith('Disabled by you')
      ? 'paused'
      : 'disabled';
  const headingId = `endpoint-${endpoint.id}`;
  const logId = `log-${endpoint.id}`;
  const setEnabled = (enabled: boolean) =>
    run(enabled ? 'enable' : 'pause', async () => {
      onChanged(await webhooksApi.update(endpoint.id, { enabled }));
      return enabled
        ? 'Enabled. New events will be delivered again.'
        : 'Paused. Events are not sent until you enable it again.';
    });

  return (
    <Card className="space-y-4 p-5" aria-labelledby={headingId} role="region">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="font-mono text-sm font-semibold break-all text-slate-900">
            {endpoint.url}
          </h3>
          {endpoint.description && (
            <p className="mt-0.5 text-sm break-words text-slate-700">{endpoint.description}</p>
          )}
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Subscribed events">
            {endpoint.events.map((e) => (
              <li
                key={e}
                className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800"
              >
                {e}
              </li>
            ))}
          </ul>
        </div>
        <StatusBadge status={status} />
      </div>

      {!endpoint.enabled && (
        <Alert tone={status === 'disabled' ? 'error' : 'info'} className="p-4">
          <span className="block font-semibold">
            {status === 'disabled' ? 'This endpoint was disabled' : 'Paused'}
          </span>
          <span className="mt-1 block">{endpoint.disabled_reason}</span>
          <Button
            size="sm"
            className={`mt-3 ${tap}`}
            disabled={busy !== null}
            onClick={() => setEnabled(true)}
          >
            {busy === 'enable' ? 'Enabling…' : 'Enable endpoint'}
          </Button>
        </Alert>
      )}
      {endpoint.enabled && endpoint.consecutive_failures > 0 && (
        <Alert tone="warning">
          The last {endpoint.consecutive_failures}{' '}
          {endpoint.consecutive_failures === 1 ? 'delivery' : 'deliveries'} failed after every
          retry. After {disableAfter} in a row the endpoint is disabled.
        </Alert>
      )}

      <SecretRow
        endpointId={endpoint.id}
        busy={busy}
        run={run}
        {...(initialSecret ? { initialSecret } : {})}
      />

      <div className="flex flex-wrap items-end gap-2">
        <div className="w-full sm:w-auto">
          <label
            htmlFor={`test-type-${endpoint.id}`}
            className="block text-xs font-medium text-slate-700"
          >
            Test event
          </label>
          <Select
            id={`test-type-${endpoint.id}`}
            value={testType}
            onChange={(e) => setTestType(e.target.value)}
            className={`py-0 font-mono text-xs ${tap}`}
          >
            {endpoint.events.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </Select>
        </div>
        <Button
          size="sm"
          className={tap}
          disabled={busy !== null || !endpoint.enabled}
          onClick={() =>
            run('test', async () => {
              await webhooksApi.test(endpoint.id, testType);
              setShowLog(true);
              setLogKey((k) => k + 1);
              return `Test ${testType} event sent. Its delivery appears in the log below.`;
            })
          }
        >
          {busy === 'test' ? 'Sending…' : 'Send test event'}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          className={tap}
          onClick={onEdit}
          disabled={busy !== null}
        >
          Edit
        </Button>
        {endpoint.enabled && (
          <Button
            size="sm"
            variant="ghost"
            className={tap}
            disabled={busy !== null}
            onClick={() => setEnabled(false)}
          >
            Pause
          </Button>
        )}
        <ConfirmDialog
          title="Delete this endpoint?"
          description="Events stop at once and its delivery log is deleted. This cannot be undone."
          action="Delete endpoint"
          onConfirm={() =>
            run('delete', async () => {
              await webhooksApi.remove(endpoint.id);
              onDeleted();
            })
          }
          trigger={
            <Button
              size="sm"
              variant="ghost"
              className={`text-red-700 ${tap}`}
              disabled={busy !== null}
            >
              Delete
            </Button>
          }
        />
      </div>
      <p
        role={message?.kind === 'error' ? 'alert' : 'status'}
        className={message?.kind === 'error' ? 'text-sm text-red-800' : 'text-sm text-slate-700'}
      >
        {message?.text}
      </p>

      <div className="border-t border-slate-200 pt-3">
        <Button
          size="sm"
          variant="ghost"
          className={tap}
          aria-expanded={showLog}
          aria-controls={logId}
          onClick={() => setShowLog((v) => !v)}
        >
          {showLog ? 'Hide delivery log' : 'Show delivery log'}
        </Button>
        {showLog && (
          <div id={logId} className="mt-3">
            <DeliveryLog key={logKey} endpointId={endpoint.id} canRedeliver={endpoint.enabled} />
          </div>
        )}
      </div>
    </Card>
  );
}
