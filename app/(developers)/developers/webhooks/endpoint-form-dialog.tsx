'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { WebhookEndpointView } from '@/lib/webhooks/schemas';
import type { EndpointFields } from './webhooks-api';

const EVENT_HELP: Record<string, string> = {
  'tryon.completed': 'A try-on finished with an image',
  'tryon.failed': 'A try-on failed and was refunded',
  'payment.completed': 'A credit purchase was paid',
  'credits.low': 'Your balance fell below 10 credits',
};

/** Add or edit an endpoint: URL, description and the events it receives. */
export function EndpointFormDialog({
  open,
  onOpenChange,
  endpoint,
  eventTypes,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Editing this endpoint; absent when adding one. */
  endpoint?: WebhookEndpointView;
  eventTypes: string[];
  onSubmit: (fields: EndpointFields) => Promise<void>;
}) {
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? eventTypes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (events.length === 0) {
      setError('Choose at least one event.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ url: url.trim(), description: description.trim(), events });
      onOpenChange(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong');
    } finally {
      setBusy(false);
    }
  }

  const prefix = endpoint ? `edit-${endpoint.id}` : 'new';
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[92vh] w-[min(94vw,34rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">
            {endpoint ? 'Edit endpoint' : 'Add an endpoint'}
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700">
            We send a signed POST to this URL for each event you choose.
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
            <div>
              <label htmlFor={`${prefix}-url`} className="block text-sm font-medium text-slate-800">
                Endpoint URL
              </label>
              <input
                id={`${prefix}-url`}
                type="url"
                required
                inputMode="url"
                autoComplete="off"
                maxLength={2048}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://shop.example/webhooks/trailroom"
                aria-describedby={`${prefix}-url-help`}
                className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
              />
              <p id={`${prefix}-url-help`} className="mt-1 text-xs text-slate-600">
                https only. Private, loopback and cloud-metadata addresses are refused.
              </p>
            </div>
            <div>
              <label
                htmlFor={`${prefix}-desc`}
                className="block text-sm font-medium text-slate-800"
              >
                Description <span className="font-normal text-slate-600">(optional)</span>
              </label>
              <input
                id={`${prefix}-desc`}
                maxLength={200}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                placeholder="e.g. Order service"
                className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
              />
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Events</legend>
              <div className="mt-2 space-y-2">
                {eventTypes.map((type) => (
                  <label key={type} className="flex items-start gap-3 rounded-md p-1">
                    <input
                      type="checkbox"
                      className="mt-1 size-4"
                      checked={events.includes(type)}
                      onChange={(e) =>
                        setEvents((list) =>
                          e.target.checked
                            ? eventTypes.filter((t) => t === type || list.includes(t))
                            : list.filter((t) => t !== type),
                        )
                      }
                    />
                    <span>
                      <span className="font-mono text-sm text-slate-900">{type}</span>
                      <span className="block text-xs text-slate-600">{EVENT_HELP[type]}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            {error && (
              <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={busy || url.trim() === ''}>
                {busy ? 'Saving…' : endpoint ? 'Save changes' : 'Add endpoint'}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
