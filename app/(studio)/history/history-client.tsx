'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useOptimistic, useState, useTransition } from 'react';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ApiError, deleteJob, jobImagePath, setFavorite } from '@/components/tryon/tryon-api';

export interface HistoryClientProps {
  jobs: TryonJobResponse[];
  page: number;
  total: number;
  limit: number;
  hasMore: boolean;
  filters: { mode: string; status: string; favorite: boolean };
}

const STATUS_STYLE: Record<TryonJobResponse['status'], string> = {
  queued: 'bg-slate-100 text-slate-800',
  processing: 'bg-brand-100 text-brand-900',
  completed: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
  canceled: 'bg-slate-200 text-slate-800',
};

const STATUS_LABEL: Record<TryonJobResponse['status'], string> = {
  queued: 'Queued',
  processing: 'Generating',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function HistoryClient({ jobs, page, total, limit, hasMore, filters }: HistoryClientProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [optimisticJobs, applyOptimistic] = useOptimistic(
    jobs,
    (current: TryonJobResponse[], change: { id: string; favorite?: boolean; removed?: boolean }) =>
      change.removed
        ? current.filter((j) => j.id !== change.id)
        : current.map((j) =>
            j.id === change.id && change.favorite !== undefined
              ? { ...j, favorite: change.favorite }
              : j,
          ),
  );

  // Jobs still running: refresh until they finish.
  const running = jobs.some((j) => j.status === 'queued' || j.status === 'processing');
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [running, router]);

  function navigate(
    next: Partial<{ mode: string; status: string; favorite: boolean; page: number }>,
  ) {
    const merged = { ...filters, page: 1, ...next };
    const params = new URLSearchParams();
    if (merged.mode) params.set('mode', merged.mode);
    if (merged.status) params.set('status', merged.status);
    if (merged.favorite) params.set('favorite', 'true');
    if (merged.page > 1) params.set('page', String(merged.page));
    const qs = params.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname));
  }

  function toggleFavorite(job: TryonJobResponse) {
    startTransition(async () => {
      applyOptimistic({ id: job.id, favorite: !job.favorite });
      try {
        await setFavorite(job.id, !job.favorite);
        router.refresh();
      } catch (err) {
        setMessage({
          kind: 'error',
          text: err instanceof ApiError ? err.message : 'Could not update the favourite.',
        });
      }
    });
  }

  function remove(job: TryonJobResponse) {
    startTransition(async () => {
      applyOptimistic({ id: job.id, removed: true });
      try {
        const result = await deleteJob(job.id);
        setMessage({
          kind: 'ok',
          text:
            result.result === 'canceled'
              ? `Try-on canceled; ${result.credits_refunded} credit${result.credits_refunded === 1 ? '' : 's'} refunded.`
              : 'Try-on deleted with its images.',
        });
        router.refresh();
      } catch (err) {
        setMessage({
          kind: 'error',
          text: err instanceof ApiError ? err.message : 'Could not delete the try-on.',
        });
        router.refresh();
      }
    });
  }

  const pages = Math.max(1, Math.ceil(total / limit));
  const filtered = Boolean(filters.mode || filters.status || filters.favorite);

  return (
    <div className="flex flex-col gap-5">
      <form
        className="flex flex-wrap items-end gap-4"
        aria-label="Filter history"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Mode
          <select
            className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm"
            defaultValue={filters.mode}
            onChange={(e) => navigate({ mode: e.target.value })}
          >
            <option value="">All modes</option>
            <option value="top">Top only</option>
            <option value="full">Full outfit</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Status
          <select
            className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm"
            defaultValue={filters.status}
            onChange={(e) => navigate({ status: e.target.value })}
          >
            <option value="">All statuses</option>
            <option value="completed">Completed</option>
            <option value="processing">Generating</option>
            <option value="queued">Queued</option>
            <option value="failed">Failed</option>
            <option value="canceled">Canceled</option>
          </select>
        </label>
        <label className="flex h-10 items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            className="accent-brand-700 h-4 w-4"
            defaultChecked={filters.favorite}
            onChange={(e) => navigate({ favorite: e.target.checked })}
          />
          Favourites only
        </label>
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            type="button"
            onClick={() => navigate({ mode: '', status: '', favorite: false })}
          >
            Clear filters
          </Button>
        ) : null}
        <p className="ml-auto text-sm text-slate-600" aria-live="polite">
          {pending ? 'Updating…' : `${total} try-on${total === 1 ? '' : 's'}`}
        </p>
      </form>

      {message ? (
        <div
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={cn(
            'rounded-md border px-3 py-2 text-sm',
            message.kind === 'error'
              ? 'border-red-200 bg-red-50 text-red-800'
              : 'border-emerald-200 bg-emerald-50 text-emerald-900',
          )}
        >
          {message.text}
        </div>
      ) : null}

      {optimisticJobs.length === 0 ? (
        <div
          className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-slate-300 bg-slate-50 p-10 text-center"
          data-testid="history-empty"
        >
          <p className="font-medium text-slate-800">
            {filtered ? 'No try-ons match these filters.' : 'No try-ons yet.'}
          </p>
          {filtered ? (
            <Button
              variant="secondary"
              onClick={() => navigate({ mode: '', status: '', favorite: false })}
            >
              Show all
            </Button>
          ) : (
            <Button asChild>
              <Link href="/studio">Open the studio</Link>
            </Button>
          )}
        </div>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Try-ons">
          {optimisticJobs.map((job) => (
            <li
              key={job.id}
              className="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
              data-testid="history-item"
              data-job-id={job.id}
            >
              <div className="relative aspect-[3/4] bg-slate-100">
                {job.status === 'completed' ? (
                  <a
                    href={jobImagePath(job.id)}
                    target="_blank"
                    rel="noreferrer"
                    aria-label="Open the full image"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- owner-only image from the API */}
                    <img
                      src={jobImagePath(job.id)}
                      alt={`Try-on from ${dateFormat.format(new Date(job.created_at))}`}
                      loading="lazy"
                      className="h-full w-full object-cover"
                    />
                  </a>
                ) : (
                  <div className="flex h-full flex-col items-center justify-center gap-2 p-3 text-center text-sm text-slate-600">
                    {job.status === 'queued' || job.status === 'processing' ? (
                      <span
                        className="border-t-brand-700 h-6 w-6 animate-spin rounded-full border-2 border-slate-300"
                        aria-hidden="true"
                      />
                    ) : null}
                    <span>
                      {job.status === 'failed'
                        ? (job.error?.message ?? 'Generation failed')
                        : STATUS_LABEL[job.status]}
                    </span>
                  </div>
                )}
                <span
                  className={cn(
                    'absolute top-2 left-2 rounded-full px-2 py-0.5 text-xs font-semibold',
                    STATUS_STYLE[job.status],
                  )}
                >
                  {STATUS_LABEL[job.status]}
                </span>
                {job.provider === 'local' && job.status === 'completed' ? (
                  <span className="absolute right-2 bottom-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">
                    Preview
                  </span>
                ) : null}
              </div>
              <div className="flex flex-1 flex-col gap-2 p-3">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="text-sm font-semibold text-slate-900">
                      {job.mode === 'full' ? 'Full outfit' : 'Top only'}
                    </p>
                    <p className="truncate text-xs text-slate-600">
                      <time dateTime={job.created_at}>
                        {dateFormat.format(new Date(job.created_at))}
                      </time>{' '}
                      · {job.credits_used} cr
                    </p>
                  </div>
                  <button
                    type="button"
                    onClick={() => toggleFavorite(job)}
                    aria-pressed={job.favorite}
                    aria-label={job.favorite ? 'Remove from favourites' : 'Add to favourites'}
                    className={cn(
                      'rounded-md p-1 text-lg leading-none hover:bg-slate-100',
                      job.favorite ? 'text-amber-600' : 'text-slate-500',
                    )}
                  >
                    {job.favorite ? '★' : '☆'}
                  </button>
                </div>
                <div className="mt-auto flex flex-wrap gap-2">
                  {job.status === 'completed' ? (
                    <Button asChild variant="secondary" size="sm">
                      <a
                        href={`${jobImagePath(job.id)}?download=1`}
                        download={`trailroom-${job.id}.webp`}
                      >
                        Download
                      </a>
                    </Button>
                  ) : null}
                  <AlertDialog.Root>
                    <AlertDialog.Trigger asChild>
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={job.status === 'processing'}
                        title={
                          job.status === 'processing' ? 'Wait until it has finished' : undefined
                        }
                      >
                        {job.status === 'queued' ? 'Cancel' : 'Delete'}
                      </Button>
                    </AlertDialog.Trigger>
                    <AlertDialog.Portal>
                      <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
                      <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
                        <AlertDialog.Title className="text-lg font-semibold text-slate-900">
                          {job.status === 'queued' ? 'Cancel this try-on?' : 'Delete this try-on?'}
                        </AlertDialog.Title>
                        <AlertDialog.Description className="mt-2 text-sm text-slate-700">
                          {job.status === 'queued'
                            ? `It has not started yet: your ${job.credits_used} credit${job.credits_used === 1 ? '' : 's'} will be refunded.`
                            : 'The result and the photos used for it are deleted for good (photos other try-ons still use are kept).'}
                        </AlertDialog.Description>
                        <div className="mt-6 flex justify-end gap-3">
                          <AlertDialog.Cancel asChild>
                            <Button variant="secondary">Keep it</Button>
                          </AlertDialog.Cancel>
                          <AlertDialog.Action asChild>
                            <Button variant="danger" onClick={() => remove(job)}>
                              {job.status === 'queued' ? 'Cancel try-on' : 'Delete'}
                            </Button>
                          </AlertDialog.Action>
                        </div>
                      </AlertDialog.Content>
                    </AlertDialog.Portal>
                  </AlertDialog.Root>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}

      {pages > 1 ? (
        <nav className="flex items-center justify-between gap-3" aria-label="Pagination">
          <Button
            variant="secondary"
            size="sm"
            disabled={page <= 1 || pending}
            onClick={() => navigate({ page: page - 1 })}
          >
            ← Newer
          </Button>
          <span className="text-sm text-slate-700">
            Page {page} of {pages}
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={!hasMore || pending}
            onClick={() => navigate({ page: page + 1 })}
          >
            Older →
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
