'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useOptimistic, useState, useTransition } from 'react';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { errorMessage } from '@/lib/client/api-error';
import { tryonApi } from '@/lib/client/tryon';
import { HistoryItem } from './history-item';

export interface HistoryClientProps {
  jobs: TryonJobResponse[];
  page: number;
  total: number;
  limit: number;
  hasMore: boolean;
  filters: { mode: string; status: string; favorite: boolean };
  /** What the detail page just did before it came back here (`?deleted=1` / `?canceled=1`). */
  notice?: 'deleted' | 'canceled';
}

export function HistoryClient({
  jobs,
  page,
  total,
  limit,
  hasMore,
  filters,
  notice,
}: HistoryClientProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(
    notice
      ? {
          kind: 'ok',
          text:
            notice === 'canceled'
              ? 'Try-on canceled; its credits were refunded.'
              : 'Try-on deleted with its images.',
        }
      : null,
  );
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
        await tryonApi.setFavorite(job.id, !job.favorite);
        router.refresh();
      } catch (err) {
        setMessage({
          kind: 'error',
          text: errorMessage(err, 'Could not update the favourite.'),
        });
      }
    });
  }

  function remove(job: TryonJobResponse) {
    startTransition(async () => {
      applyOptimistic({ id: job.id, removed: true });
      try {
        const result = await tryonApi.remove(job.id);
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
          text: errorMessage(err, 'Could not delete the try-on.'),
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
            <HistoryItem
              key={job.id}
              job={job}
              onToggleFavorite={() => toggleFavorite(job)}
              onRemove={() => remove(job)}
            />
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
