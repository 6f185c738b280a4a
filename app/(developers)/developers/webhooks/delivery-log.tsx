'use client';

import { Fragment, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { DeliveryRow } from './delivery-row';
import { useDeliveryLog } from './use-delivery-log';

/** One endpoint's deliveries, newest first, with every attempt and a redeliver button. */
export function DeliveryLog({
  endpointId,
  canRedeliver,
}: {
  endpointId: string;
  canRedeliver: boolean;
}) {
  const log = useDeliveryLog(endpointId);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string, on?: boolean) =>
    setOpen((s) => {
      const n = new Set(s);
      if (on ?? !n.has(id)) n.add(id);
      else n.delete(id);
      return n;
    });
  const { data, page, pages } = log;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold text-slate-900">Delivery log</h4>
        <Button
          size="sm"
          variant="secondary"
          className="h-11 sm:h-8"
          onClick={log.reload}
          disabled={log.loading}
        >
          {log.loading ? 'Loading…' : 'Refresh'}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {log.notice}
      </p>
      {log.error && (
        <Alert>
          {log.error}{' '}
          <button className="min-h-11 font-medium underline sm:min-h-0" onClick={log.reload}>
            Try again
          </button>
        </Alert>
      )}
      {!data && log.loading && (
        <div className="space-y-2" aria-label="Loading deliveries">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
          <p className="sr-only">Loading deliveries…</p>
        </div>
      )}
      {data && data.total === 0 && (
        <EmptyState title="Nothing sent yet" className="p-4">
          Send a test event to see a delivery here.
        </EmptyState>
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
          {data.data.map((d) => (
            <Fragment key={d.id}>
              <DeliveryRow
                d={d}
                expanded={open.has(d.id)}
                onToggle={() => toggle(d.id)}
                canRedeliver={canRedeliver}
                busy={log.busy}
                onRedeliver={() =>
                  void log.redeliver(d).then((queued) => queued && toggle(d.id, true))
                }
              />
            </Fragment>
          ))}
        </DataTable>
      )}
      {data && pages > 1 && (
        <nav aria-label="Delivery log pages" className="flex items-center justify-end gap-2">
          <Button
            size="sm"
            variant="secondary"
            className="h-11 sm:h-8"
            disabled={page <= 1}
            onClick={() => log.go(page - 1)}
          >
            Previous
          </Button>
          <span className="text-sm text-slate-700">
            Page {page} of {pages}
          </span>
          <Button
            size="sm"
            variant="secondary"
            className="h-11 sm:h-8"
            disabled={page >= pages}
            onClick={() => log.go(page + 1)}
          >
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
