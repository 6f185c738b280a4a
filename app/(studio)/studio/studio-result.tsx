'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { CompareSlider } from '@/components/tryon/compare-slider';
import { formatElapsed, JobProgress } from '@/components/tryon/job-progress';
import { ReportResult } from '@/components/tryon/report-result';
import { ResultsGrid } from '@/components/tryon/results-grid';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { jobImagePath } from '@/lib/client/tryon';
import { plural } from '@/lib/format';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { RESULT_ID, type useStudio } from './use-studio';

/** The right card: an empty hint, the progress while a job runs, then the result or the failure. */
export function StudioResult({
  s,
  localPreview,
  canAfford,
  onBuy,
}: {
  s: ReturnType<typeof useStudio>;
  localPreview: boolean;
  /** Whether the balance pays for the chosen mode: "Try again" is offered only then. */
  canAfford: boolean;
  onBuy: () => void;
}) {
  const { phase, job, busy } = s;
  const person = s.images.person;
  const heading = useRef<HTMLHeadingElement>(null);
  const showPreviewLabel = job?.provider ? job.provider === 'local' : localPreview;
  const ended = phase === 'completed' || phase === 'failed';

  // The result (or the failure) arrives: move focus to it, announced through its heading.
  useEffect(() => {
    if (ended) heading.current?.focus();
  }, [ended]);

  return (
    <div id={RESULT_ID} className="min-w-0 scroll-mt-4">
      <Card
        className="flex h-full min-h-80 min-w-0 flex-col gap-4"
        role="region"
        aria-labelledby="result-heading"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2
            id="result-heading"
            ref={heading}
            tabIndex={-1}
            className="text-lg font-semibold text-slate-900 focus:outline-none"
          >
            {phase === 'completed'
              ? job && job.outputs.length > 1
                ? 'Your results'
                : 'Your result'
              : phase === 'failed'
                ? 'Try-on failed'
                : 'Result'}
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
        <p className="sr-only" role="status" aria-live="polite">
          {phase === 'completed'
            ? 'Your try-on is ready.'
            : phase === 'failed'
              ? 'The try-on failed.'
              : ''}
        </p>

        {phase === 'form' ? (
          <div className="flex flex-1 flex-col items-center justify-center gap-2 rounded-xl border border-dashed border-slate-300 bg-slate-50 p-6 text-center">
            <p className="font-medium text-slate-800">Your result appears here</p>
            <p className="max-w-xs text-sm text-slate-600">
              Add your photo and the garment — or try a sample — then press “Try it on”. It usually
              takes under a minute.
            </p>
          </div>
        ) : (
          <JobProgress
            stage={phase}
            uploadPercent={s.uploadPercent}
            elapsedMs={s.elapsed}
            failedAt={s.failedAt}
          />
        )}

        {busy && person ? (
          <div className="relative aspect-[3/4] w-full overflow-hidden rounded-xl bg-slate-100">
            {/* eslint-disable-next-line @next/next/no-img-element -- local blob: preview or the owner's asset */}
            <img src={person.url} alt="" className="h-full w-full object-contain opacity-40" />
            <div
              className="absolute inset-0 animate-pulse bg-gradient-to-b from-transparent via-white/40 to-transparent"
              aria-hidden="true"
            />
          </div>
        ) : null}

        {phase === 'completed' && job ? (
          <StudioDone
            job={job}
            personUrl={person?.url ?? null}
            elapsed={s.elapsed}
            onReset={s.reset}
            canAfford={canAfford}
            onBuy={onBuy}
          />
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
            <div className="flex flex-wrap gap-2">
              <AgainButton canAfford={canAfford} onReset={s.reset} onBuy={onBuy} />
              <Button variant="ghost" className="h-11" onClick={() => s.reset(false)}>
                Start over
              </Button>
            </div>
          </div>
        ) : null}
      </Card>
    </div>
  );
}

/** "Try again" only when the balance pays for it; otherwise the way to buy credits. */
function AgainButton({
  canAfford,
  onReset,
  onBuy,
}: {
  canAfford: boolean;
  onReset: (keep: boolean) => void;
  onBuy: () => void;
}) {
  return canAfford ? (
    <Button variant="secondary" className="h-11" onClick={() => onReset(true)}>
      Try again
    </Button>
  ) : (
    <Button variant="secondary" className="h-11" onClick={onBuy}>
      Buy credits to try again
    </Button>
  );
}

function StudioDone({
  job,
  personUrl,
  elapsed,
  onReset,
  canAfford,
  onBuy,
}: {
  job: TryonJobResponse;
  personUrl: string | null;
  elapsed: number;
  onReset: (keepImages: boolean) => void;
  canAfford: boolean;
  onBuy: () => void;
}) {
  const full = jobImagePath(job.id);
  const several = job.outputs.length > 1;
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="result">
      {several ? (
        <ResultsGrid job={job} />
      ) : personUrl ? (
        <CompareSlider
          beforeSrc={personUrl}
          afterSrc={full}
          placeholderSrc={`${full}?w=160`}
          beforeAlt="Your photo"
          afterAlt="You wearing the garment"
        />
      ) : (
        // Resumed after a reload: the photo is not in this page any more, the result is.
        // eslint-disable-next-line @next/next/no-img-element -- our own image route
        <img
          src={full}
          alt="You wearing the garment"
          className="w-full rounded-xl bg-slate-100 bg-cover bg-center object-contain"
          style={{ backgroundImage: `url(${full}?w=160)` }}
          data-testid="result-image"
        />
      )}
      <p className="text-sm text-slate-600">
        Generated in {formatElapsed(job.processing_ms ?? elapsed)} ·{' '}
        {plural(job.credits_used, 'credit')} used
      </p>
      <div className="flex flex-wrap gap-2">
        {several ? null : (
          <Button asChild className="h-11">
            <a href={`${full}?download=1`} download={`trailroom-${job.id}.webp`}>
              Download
            </a>
          </Button>
        )}
        {personUrl ? <AgainButton canAfford={canAfford} onReset={onReset} onBuy={onBuy} /> : null}
        <Button variant="ghost" className="h-11" onClick={() => onReset(false)}>
          {personUrl ? 'Start over' : 'New try-on'}
        </Button>
        <Button variant="ghost" asChild className="h-11">
          <Link href={`/history/${job.id}`}>Compare in History</Link>
        </Button>
      </div>
      <ReportResult job={job} />
    </div>
  );
}
