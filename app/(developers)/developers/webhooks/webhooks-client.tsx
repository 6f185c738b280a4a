'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { WebhookEndpointView } from '@/lib/webhooks/schemas';
import { EndpointCard } from './endpoint-card';
import { EndpointFormDialog } from './endpoint-form-dialog';
import { webhooksApi } from './webhooks-api';

/** The Webhooks page: endpoints as cards, an add/edit dialog, and the retry policy in words. */
export function WebhooksClient({
  initialEndpoints,
  eventTypes,
  maxEndpoints,
  disableAfter,
  schedule,
}: {
  initialEndpoints: WebhookEndpointView[];
  eventTypes: string[];
  maxEndpoints: number;
  disableAfter: number;
  schedule: string[];
}) {
  const [endpoints, setEndpoints] = useState(initialEndpoints);
  const [editing, setEditing] = useState<WebhookEndpointView | 'new' | null>(null);
  const [fresh, setFresh] = useState<{ id: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const replace = (next: WebhookEndpointView) =>
    setEndpoints((list) => list.map((e) => (e.id === next.id ? next : e)));
  const atCap = endpoints.length >= maxEndpoints;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">
          Endpoints{' '}
          <span className="text-sm font-normal text-slate-600">
            ({endpoints.length} of {maxEndpoints})
          </span>
        </h2>
        <Button className="h-11" onClick={() => setEditing('new')} disabled={atCap}>
          Add endpoint
        </Button>
      </div>
      {atCap && (
        <p className="text-sm text-slate-700">
          You have reached the limit of {maxEndpoints} endpoints; delete one to add another.
        </p>
      )}
      <p role="status" aria-live="polite" className="text-sm text-emerald-800">
        {notice}
      </p>

      {endpoints.length === 0 ? (
        <EmptyState
          title="No webhook endpoints yet"
          action={
            <Button className="h-11" onClick={() => setEditing('new')}>
              Add your first endpoint
            </Button>
          }
        >
          Add an https URL and we will POST signed events to it as they happen.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {endpoints.map((e) => (
            <EndpointCard
              key={e.id}
              endpoint={e}
              disableAfter={disableAfter}
              {...(fresh?.id === e.id ? { initialSecret: fresh.secret } : {})}
              onChanged={replace}
              onEdit={() => setEditing(e)}
              onDeleted={() => {
                setEndpoints((list) => list.filter((x) => x.id !== e.id));
                setNotice('Endpoint deleted.');
              }}
            />
          ))}
        </div>
      )}

      <section
        aria-labelledby="retry-policy"
        className="rounded-xl bg-slate-50 p-4 text-sm text-slate-700"
      >
        <h2 id="retry-policy" className="font-semibold text-slate-900">
          Retries and failures
        </h2>
        <p className="mt-1">
          Answer with a 2xx within 15 seconds. Otherwise we try again — {schedule.join(', ')} —
          about a day in all, with the same{' '}
          <code className="rounded bg-white px-1">webhook-id</code>. When {disableAfter} events in a
          row fail every attempt, the endpoint is disabled and the reason is shown here.
        </p>
      </section>

      {editing && (
        <EndpointFormDialog
          key={editing === 'new' ? 'new' : editing.id}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          eventTypes={eventTypes}
          {...(editing === 'new' ? {} : { endpoint: editing })}
          onSubmit={async (fields) => {
            if (editing === 'new') {
              const created = await webhooksApi.create(fields);
              const { secret, ...view } = created;
              setEndpoints((list) => [view, ...list]);
              setFresh({ id: created.id, secret });
              setNotice('Endpoint added. Copy its signing secret into your receiver.');
            } else {
              replace(
                await webhooksApi.update(editing.id, {
                  url: fields.url,
                  events: fields.events,
                  description: fields.description,
                }),
              );
              setNotice('Endpoint saved.');
            }
          }}
        />
      )}
    </div>
  );
}
