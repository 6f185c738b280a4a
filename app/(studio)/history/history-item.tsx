'use client';

import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { jobImagePath } from '@/lib/client/tryon';
import { formatLocalDateTime } from '@/lib/format';

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

/** One try-on in the history grid: its image or state, favourite, download and delete. */
export function HistoryItem({
  job,
  onToggleFavorite,
  onRemove,
}: {
  job: TryonJobResponse;
  onToggleFavorite: () => void;
  onRemove: () => void;
}) {
  return (
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
              alt={`Try-on from ${formatLocalDateTime(job.created_at)}`}
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
              <time dateTime={job.created_at}>{formatLocalDateTime(job.created_at)}</time> ·{' '}
              {job.credits_used} cr
            </p>
          </div>
          <button
            type="button"
            onClick={onToggleFavorite}
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
              <a href={`${jobImagePath(job.id)}?download=1`} download={`trailroom-${job.id}.webp`}>
                Download
              </a>
            </Button>
          ) : null}
          <ConfirmDialog
            trigger={
              <Button
                variant="ghost"
                size="sm"
                disabled={job.status === 'processing'}
                title={job.status === 'processing' ? 'Wait until it has finished' : undefined}
              >
                {job.status === 'queued' ? 'Cancel' : 'Delete'}
              </Button>
            }
            title={job.status === 'queued' ? 'Cancel this try-on?' : 'Delete this try-on?'}
            description={
              job.status === 'queued'
                ? `It has not started yet: your ${job.credits_used} credit${job.credits_used === 1 ? '' : 's'} will be refunded.`
                : 'The result and the photos used for it are deleted for good (photos other try-ons still use are kept).'
            }
            cancel="Keep it"
            action={job.status === 'queued' ? 'Cancel try-on' : 'Delete'}
            onConfirm={onRemove}
          />
        </div>
      </div>
    </li>
  );
}
