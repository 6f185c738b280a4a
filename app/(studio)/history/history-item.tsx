'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { LocalTime } from '@/components/ui/local-time';
import { formatUtcShort, plural } from '@/lib/format';
import { assetSrc, MODE_LABEL, resultSrc, STATUS_LABEL, STATUS_TONE } from './labels';

/** The garment's small photo over the corner of the card; hidden once retention deleted it. */
function GarmentThumb({ assetId }: { assetId: string }) {
  const [gone, setGone] = useState(false);
  if (gone) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- owner-only image from the API
    <img
      src={assetSrc(assetId, 160)}
      // The card's link names the try-on; the garment photo is a visual cue beside the result.
      alt=""
      loading="lazy"
      decoding="async"
      width={160}
      height={160}
      onError={() => setGone(true)}
      className="absolute bottom-2 left-2 h-[30%] w-auto max-w-[40%] rounded-md border-2 border-white bg-white object-contain shadow-md"
      data-testid="garment-thumb"
    />
  );
}

/** One try-on in the history grid: result and garment, date, favourite, download, delete; opens its page. */
export function HistoryItem({
  job,
  onToggleFavorite,
  onRemove,
}: {
  job: TryonJobResponse;
  onToggleFavorite: () => void;
  onRemove: () => void;
}) {
  const href = `/history/${job.id}`;
  const name = `${MODE_LABEL[job.mode]} try-on, ${formatUtcShort(job.created_at)}`;
  return (
    <li
      className="flex min-w-0 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      data-testid="history-item"
      data-job-id={job.id}
    >
      <Link
        href={href}
        aria-label={`Open ${name}`}
        className="group relative block aspect-[3/4] bg-slate-100"
      >
        {job.status === 'completed' ? (
          // eslint-disable-next-line @next/next/no-img-element -- owner-only image from the API
          <img
            src={resultSrc(job.id, 320)}
            alt={`Result of the ${name}`}
            loading="lazy"
            decoding="async"
            width={320}
            height={427}
            className="h-full w-full object-cover transition-opacity group-hover:opacity-90"
          />
        ) : (
          <div className="flex h-full flex-col items-center justify-center gap-2 p-3 text-center text-sm text-slate-700">
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
        {job.inputs ? <GarmentThumb assetId={job.inputs.top_image_id} /> : null}
        <Badge tone={STATUS_TONE[job.status]} className="absolute top-2 left-2 font-semibold">
          {STATUS_LABEL[job.status]}
        </Badge>
        {job.provider === 'local' && job.status === 'completed' ? (
          <span className="absolute right-2 bottom-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">
            Preview
          </span>
        ) : null}
      </Link>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex items-start justify-between gap-1">
          <div className="min-w-0">
            <p className="text-sm font-semibold text-slate-900">
              {MODE_LABEL[job.mode]}
              {job.samples > 1 ? (
                <span className="font-normal text-slate-600"> · {job.samples} results</span>
              ) : null}
            </p>
            <p className="text-xs leading-5 text-slate-600">
              <LocalTime value={job.created_at} short className="block" />
              {plural(job.credits_used, 'credit')}
            </p>
          </div>
          <button
            type="button"
            onClick={onToggleFavorite}
            aria-pressed={job.favorite}
            aria-label={job.favorite ? 'Remove from favourites' : 'Add to favourites'}
            className={cn(
              '-mt-2 -mr-2 inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-md text-xl leading-none hover:bg-slate-100',
              job.favorite ? 'text-amber-600' : 'text-slate-500',
            )}
          >
            {job.favorite ? '★' : '☆'}
          </button>
        </div>
        <div className="mt-auto flex flex-wrap gap-1">
          {job.status === 'completed' ? (
            <Button asChild variant="secondary" size="sm" className="h-11 min-w-0 flex-1 px-2">
              <a href={`${resultSrc(job.id)}?download=1`} download={`trailroom-${job.id}.webp`}>
                Download
              </a>
            </Button>
          ) : null}
          <ConfirmDialog
            trigger={
              <Button
                variant="ghost"
                size="sm"
                className="h-11 min-w-0 flex-1 px-2"
                disabled={job.status === 'processing'}
                title={job.status === 'processing' ? 'Wait until it has finished' : undefined}
              >
                {job.status === 'queued' ? 'Cancel' : 'Delete'}
              </Button>
            }
            title={job.status === 'queued' ? 'Cancel this try-on?' : 'Delete this try-on?'}
            description={
              job.status === 'queued'
                ? `It has not started yet: your ${plural(job.credits_used, 'credit')} will be refunded.`
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
