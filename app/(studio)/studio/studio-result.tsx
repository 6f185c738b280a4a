'use client';

import Link from 'next/link';
import type { RefObject } from 'react';
import { CompareSlider } from '@/components/tryon/compare-slider';
import type { PreparedImage } from '@/components/tryon/downscale-image';
import { formatElapsed, JobProgress } from '@/components/tryon/job-progress';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { jobImagePath } from '@/lib/client/tryon';
import { plural } from '@/lib/format';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import type { FailedAt, Phase } from './use-studio';

/** The right card: an empty hint, the progress while a job runs, then the result or the failure. */
export function StudioResult({
  resultRef,
  phase,
  busy,
  job,
  person,
  uploadPercent,
  elapsed,
  failedAt,
  localPreview,
  onReset,
}: {
  resultRef: RefObject<HTMLDivElement | null>;
  phase: Phase;
  busy: boolean;
  job: TryonJobResponse | null;
  person: PreparedImage | null;
  uploadPercent: number;
  elapsed: number;
  failedAt: FailedAt;
  localPreview: boolean;
  onReset: (keepImages: boolean) => void;
}) {
  const showPreviewLabel = job?.provider ? job.provider === 'local' : localPreview;
  return (
    <div ref={resultRef} className="scroll-mt-4">
      <Card
        className="flex h-full min-h-80 flex-col gap-4"
        role="region"
        aria-labelledby="result-heading"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="result-heading" className="text-lg font-semibold text-slate-900">
            Result
          </h2>
          {showPreviewLabel ? (
            <span
              className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900"
              title="No AI model is configured on this server: the result is a simple local composite."
            >
              Preview — local compositor
            </span>
          ) : null}
        </div>

        {phase === 'form' ? (
          <div className="flex flex-1 flex-col items-center justify-center gap-2 rounded-xl border border-dashed border-slate-300 bg-slate-50 p-8 text-center">
            <p className="font-medium text-slate-800">Your result appears here</p>
            <p className="max-w-xs text-sm text-slate-600">
              Add your photo and the garment, then press “Try it on”. It usually takes under a
              minute.
            </p>
          </div>
        ) : (
          <JobProgress
            stage={phase}
            uploadPercent={uploadPercent}
            elapsedMs={elapsed}
            failedAt={failedAt}
          />
        )}

        {busy && person ? (
          <div className="relative aspect-[3/4] w-full overflow-hidden rounded-xl bg-slate-100">
            {/* eslint-disable-next-line @next/next/no-img-element -- local blob: preview */}
            <img src={person.url} alt="" className="h-full w-full object-contain opacity-40" />
            <div
              className="absolute inset-0 animate-pulse bg-gradient-to-b from-transparent via-white/40 to-transparent"
              aria-hidden="true"
            />
          </div>
        ) : null}

        {phase === 'completed' && job ? (
          <StudioDone job={job} person={person} elapsed={elapsed} onReset={onReset} />
        ) : null}

        {phase === 'failed' && job ? (
          <div className="flex flex-col gap-3" data-testid="failure">
            <div
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              <p className="font-semibold">The try-on could not be generated.</p>
              <p>{job.error?.message ?? 'Something went wrong.'}</p>
              <p className="mt-1">
                Your {plural(job.credits_used, 'credit')} {job.credits_used === 1 ? 'was' : 'were'}{' '}
                refunded.
              </p>
            </div>
            <div className="flex flex-wrap gap-3">
              <Button variant="secondary" onClick={() => onReset(true)}>
                Try again
              </Button>
              <Button variant="ghost" onClick={() => onReset(false)}>
                Start over
              </Button>
            </div>
          </div>
        ) : null}
      </Card>
    </div>
  );
}

function StudioDone({
  job,
  person,
  elapsed,
  onReset,
}: {
  job: TryonJobResponse;
  person: PreparedImage | null;
  elapsed: number;
  onReset: (keepImages: boolean) => void;
}) {
  return (
    <div className="flex flex-col gap-4" data-testid="result">
      {person ? (
        <CompareSlider
          beforeSrc={person.url}
          afterSrc={jobImagePath(job.id)}
          beforeAlt="Your photo"
          afterAlt="You wearing the garment"
        />
      ) : (
        // Resumed after a reload: the photo is not in this page any more, the result is.
        // eslint-disable-next-line @next/next/no-img-element -- our own image route
        <img
          src={jobImagePath(job.id)}
          alt="You wearing the garment"
          className="w-full rounded-xl bg-slate-100 object-contain"
          data-testid="result-image"
        />
      )}
      <p className="text-sm text-slate-600">
        Generated in {formatElapsed(job.processing_ms ?? elapsed)} ·{' '}
        {plural(job.credits_used, 'credit')} used
      </p>
      <div className="flex flex-wrap gap-3">
        <Button asChild>
          <a href={`${jobImagePath(job.id)}?download=1`} download={`trailroom-${job.id}.webp`}>
            Download
          </a>
        </Button>
        {person ? (
          <Button variant="secondary" onClick={() => onReset(true)}>
            Try again
          </Button>
        ) : null}
        <Button variant="ghost" onClick={() => onReset(false)}>
          {person ? 'Start over' : 'New try-on'}
        </Button>
        <Button variant="ghost" asChild>
          <Link href="/history">{person ? 'History' : 'Compare in History'}</Link>
        </Button>
      </div>
    </div>
  );
}
