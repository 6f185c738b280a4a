'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError } from '@/lib/client/api-error';
import { formErrors, type FormErrors } from '@/lib/client/form-errors';
import { useApiAction } from '@/lib/client/use-api-action';
import {
  createWebhookBody,
  updateWebhookBody,
  type WebhookEndpointView,
} from '@/lib/webhooks/schemas';
import type { EndpointFields } from './webhooks-api';

const EVENT_HELP: Record<string, string> = {
  'tryon.completed': 'A try-on finished with an image',
  'tryon.failed': 'A try-on failed and was refunded',
  'payment.completed': 'A credit purchase was paid',
  'credits.low': 'Your balance fell below 10 credits',
  'widget.tryon.completed': 'A shopper’s try-on in your storefront widget finished',
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
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useApiAction(async (fields: EndpointFields) => {
    await onSubmit(fields);
    onOpenChange(false);
  });
  // The form's own errors first, then the route's (the same schema, plus the URL checks).
  // A refused URL (webhook_url_https_required, _forbidden, …) is said under the URL field.
  const urlRefused =
    save.failure instanceof ApiError && save.failure.code.startsWith('webhook_url')
      ? save.failure.message
      : undefined;
  const shown: FormErrors = {
    ...formErrors(save.failure),
    ...(urlRefused ? { url: urlRefused } : {}),
    ...errors,
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = { url: url.trim(), description: description.trim(), events };
    // The route's own schema: create, or update (where an empty description clears it).
    const parsed = endpoint
      ? updateWebhookBody.safeParse(fields)
      : createWebhookBody.safeParse({ ...fields, description: fields.description || undefined });
    if (!parsed.success) {
      setErrors(formErrors(parsed.error));
      return;
    }
    setErrors({});
    await save.run(fields);
  }

  const prefix = endpoint ? `edit-${endpoint.id}` : 'new';
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="w-[min(94vw,34rem)]"
        title={endpoint ? 'Edit endpoint' : 'Add an endpoint'}
        description="We send a signed POST to this URL for each event you choose."
      >
        <form onSubmit={(e) => void submit(e)} className="mt-4 space-y-4" noValidate>
          <Field
            label="Endpoint URL"
            hint="https only. Private, loopback and cloud-metadata addresses are refused."
            error={shown.url}
          >
            <Input
              id={`${prefix}-url`}
              type="url"
              required
              inputMode="url"
              autoComplete="off"
              maxLength={2048}
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
                setErrors((x) => ({ ...x, url: undefined }));
              }}
              placeholder="https://shop.example/webhooks/trailroom"
              className="h-11 font-mono text-base sm:text-sm"
            />
          </Field>
          <Field
            label={
              <>
                Description <span className="font-normal text-slate-600">(optional)</span>
              </>
            }
            error={shown.description}
          >
            <Input
              id={`${prefix}-desc`}
              maxLength={200}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              placeholder="e.g. Order service"
              className="h-11 text-base"
            />
          </Field>
          <fieldset aria-describedby={shown.events ? `${prefix}-events-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">Events</legend>
            <div className="mt-2 space-y-1">
              {eventTypes.map((type) => (
                <label key={type} className="flex min-h-11 items-start gap-3 rounded-md p-1">
                  <input
                    type="checkbox"
                    className="mt-1 size-5"
                    checked={events.includes(type)}
                    onChange={(e) => {
                      setErrors((x) => ({ ...x, events: undefined }));
                      setEvents((list) =>
                        e.target.checked
                          ? eventTypes.filter((t) => t === type || list.includes(t))
                          : list.filter((t) => t !== type),
                      );
                    }}
                  />
                  <span>
                    <span className="font-mono text-sm text-slate-900">{type}</span>
                    <span className="block text-xs text-slate-600">{EVENT_HELP[type]}</span>
                  </span>
                </label>
              ))}
            </div>
            {shown.events && (
              <p id={`${prefix}-events-error`} className="mt-1 text-sm text-red-800">
                {shown.events}
              </p>
            )}
          </fieldset>
          {save.error && !shown.url && !shown.events && !shown.description && (
            <Alert>{save.error}</Alert>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary" className="h-11">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" className="h-11" disabled={save.pending || url.trim() === ''}>
              {save.pending ? 'Saving…' : endpoint ? 'Save changes' : 'Add endpoint'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
