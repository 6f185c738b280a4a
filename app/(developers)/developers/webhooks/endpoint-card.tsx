'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { WebhookEndpointView } from '@/lib/webhooks/schemas';
import { DeliveryLog } from './delivery-log';
import { StatusBadge } from './status-badge';
import { webhooksApi } from './webhooks-api';

function Confirm({
  trigger,
  title,
  body,
  action,
  onConfirm,
}: {
  trigger: React.ReactNode;
  title: string;
  body: string;
  action: string;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-700">
            {body}
          </AlertDialog.Description>
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="danger" onClick={onConfirm}>
                {action}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

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
  const [secret, setSecret] = useState<string | null>(initialSecret ?? null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [testType, setTestType] = useState<string>(endpoint.events[0] ?? 'tryon.completed');
  const [showLog, setShowLog] = useState(false);
  const [logKey, setLogKey] = useState(0);

  async function run(label: string, fn: () => Promise<string | void>) {
    setBusy(label);
    setMessage(null);
    try {
      const text = await fn();
      if (text) setMessage({ kind: 'ok', text });
    } catch (err) {
      setMessage({
        kind: 'error',
        text: err instanceof Error ? err.message : 'Something went wrong',
      });
    } finally {
      setBusy(null);
    }
  }

  const status = endpoint.enabled
    ? 'enabled'
    : endpoint.disabled_reason?.startsWith('Disabled by you')
      ? 'paused'
      : 'disabled';
  const headingId = `endpoint-${endpoint.id}`;
  const logId = `log-${endpoint.id}`;

  return (
    <Card className="space-y-4 p-5" aria-labelledby={headingId} role="region">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="font-mono text-sm font-semibold break-all text-slate-900">
            {endpoint.url}
          </h3>
          {endpoint.description && (
            <p className="mt-0.5 text-sm text-slate-700">{endpoint.description}</p>
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
        <div
          role="status"
          className={
            status === 'disabled'
              ? 'rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900'
              : 'rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-800'
          }
        >
          <p className="font-semibold">
            {status === 'disabled' ? 'This endpoint was disabled' : 'Paused'}
          </p>
          <p className="mt-1">{endpoint.disabled_reason}</p>
          <Button
            size="sm"
            className="mt-3"
            disabled={busy !== null}
            onClick={() =>
              void run('enable', async () => {
                onChanged(await webhooksApi.update(endpoint.id, { enabled: true }));
                return 'Enabled. New events will be delivered again.';
              })
            }
          >
            {busy === 'enable' ? 'Enabling…' : 'Enable endpoint'}
          </Button>
        </div>
      )}
      {endpoint.enabled && endpoint.consecutive_failures > 0 && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          The last {endpoint.consecutive_failures}{' '}
          {endpoint.consecutive_failures === 1 ? 'delivery' : 'deliveries'} failed after every
          retry. After {disableAfter} in a row the endpoint is disabled.
        </p>
      )}

      <div className="rounded-lg bg-slate-50 p-3">
        <p className="text-sm font-medium text-slate-800" id={`secret-label-${endpoint.id}`}>
          Signing secret
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <code
            aria-labelledby={`secret-label-${endpoint.id}`}
            data-testid="webhook-secret"
            className="w-full min-w-0 rounded bg-white px-2 py-1 font-mono text-xs break-all ring-1 ring-slate-200 sm:w-auto sm:flex-1"
          >
            {secret ?? 'whsec_••••••••••••••••••••••••'}
          </code>
          <Button
            size="sm"
            variant="secondary"
            disabled={busy !== null}
            onClick={() =>
              secret
                ? setSecret(null)
                : void run('reveal', async () =>
                    setSecret((await webhooksApi.get(endpoint.id)).secret),
                  )
            }
          >
            {secret ? 'Hide' : busy === 'reveal' ? 'Loading…' : 'Reveal'}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={busy !== null}
            onClick={() =>
              void run('copy', async () => {
                const value = secret ?? (await webhooksApi.get(endpoint.id)).secret;
                await navigator.clipboard?.writeText(value);
                setCopied(true);
                setTimeout(() => setCopied(false), 2000);
              })
            }
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
          <Confirm
            title="Rotate the signing secret?"
            body="A new secret is issued now. For 24 hours we sign with both the new and the old secret, so you can update your receiver without losing events."
            action="Rotate secret"
            onConfirm={() =>
              void run('rotate', async () => {
                setSecret((await webhooksApi.rotate(endpoint.id)).secret);
                return 'New secret issued. The old one keeps working for 24 hours.';
              })
            }
            trigger={
              <Button size="sm" variant="secondary" disabled={busy !== null}>
                {busy === 'rotate' ? 'Rotating…' : 'Rotate'}
              </Button>
            }
          />
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label
            htmlFor={`test-type-${endpoint.id}`}
            className="block text-xs font-medium text-slate-700"
          >
            Test event
          </label>
          <select
            id={`test-type-${endpoint.id}`}
            value={testType}
            onChange={(e) => setTestType(e.target.value)}
            className="mt-1 h-8 rounded-md border border-slate-300 bg-white px-2 font-mono text-xs"
          >
            {endpoint.events.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </div>
        <Button
          size="sm"
          disabled={busy !== null || !endpoint.enabled}
          onClick={() =>
            void run('test', async () => {
              await webhooksApi.test(endpoint.id, testType);
              setShowLog(true);
              setLogKey((k) => k + 1);
              return `Test ${testType} event sent. Its delivery appears in the log below.`;
            })
          }
        >
          {busy === 'test' ? 'Sending…' : 'Send test event'}
        </Button>
        <Button size="sm" variant="secondary" onClick={onEdit} disabled={busy !== null}>
          Edit
        </Button>
        {endpoint.enabled && (
          <Button
            size="sm"
            variant="ghost"
            disabled={busy !== null}
            onClick={() =>
              void run('pause', async () => {
                onChanged(await webhooksApi.update(endpoint.id, { enabled: false }));
                return 'Paused. Events are not sent until you enable it again.';
              })
            }
          >
            Pause
          </Button>
        )}
        <Confirm
          title="Delete this endpoint?"
          body="Events stop at once and its delivery log is deleted. This cannot be undone."
          action="Delete endpoint"
          onConfirm={() =>
            void run('delete', async () => {
              await webhooksApi.remove(endpoint.id);
              onDeleted();
            })
          }
          trigger={
            <Button size="sm" variant="ghost" className="text-red-700" disabled={busy !== null}>
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
