'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import type { TryonMode } from '@/lib/tryon/schemas';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CompareSlider } from '@/components/tryon/compare-slider';
import type { PreparedImage } from '@/components/tryon/downscale-image';
import { ImageDropzone } from '@/components/tryon/image-dropzone';
import { formatElapsed, JobProgress, type StudioStage } from '@/components/tryon/job-progress';
import { ModeSelector } from '@/components/tryon/mode-selector';
import { ApiError, fetchJob, jobImagePath, submitTryon } from '@/components/tryon/tryon-api';

export interface StudioClientProps {
  balance: { free: number; paid: number; total: number };
  costs: Record<TryonMode, number>;
  /** Whether each mode runs on the local compositor (no model keys configured). */
  localPreview: Record<TryonMode, boolean>;
  /** A try-on of this user still running (started before a reload or in another tab): followed at once. */
  resume?: TryonJobResponse;
}

type Phase = 'form' | StudioStage;

const POLL_MS = 1000;

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function StudioClient({ balance, costs, localPreview, resume }: StudioClientProps) {
  const router = useRouter();
  const [mode, setMode] = useState<TryonMode>(resume?.mode ?? 'top');
  const [person, setPerson] = useState<PreparedImage | null>(null);
  const [top, setTop] = useState<PreparedImage | null>(null);
  const [bottom, setBottom] = useState<PreparedImage | null>(null);
  const [phase, setPhase] = useState<Phase>(
    resume ? (resume.status === 'processing' ? 'processing' : 'queued') : 'form',
  );
  const [uploadPercent, setUploadPercent] = useState(0);
  const [job, setJob] = useState<TryonJobResponse | null>(resume ?? null);
  const [submitError, setSubmitError] = useState<{ message: string; code: string } | null>(null);
  const resumedAt = resume ? Date.parse(resume.created_at) : null;
  const [startedAt, setStartedAt] = useState<number | null>(resumedAt);
  // A resumed job renders on the server first: start the clock at its creation, the ticker catches up.
  const [now, setNow] = useState(() => resumedAt ?? Date.now());
  const [failedAt, setFailedAt] = useState<'uploading' | 'queued' | 'processing'>('processing');
  const pollRef = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const cost = costs[mode];
  const busy = phase === 'uploading' || phase === 'queued' || phase === 'processing';
  const short = balance.total < cost;
  const missing = !person
    ? 'Add a photo of yourself'
    : !top
      ? 'Add the top garment'
      : mode === 'full' && !bottom
        ? 'Add the bottom garment'
        : null;
  const disabledReason = busy
    ? 'A try-on is in progress'
    : (missing ??
      (short ? `You need ${plural(cost, 'credit')}; you have ${balance.total}.` : null));

  // Elapsed-time ticker while a job runs.
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [busy]);

  // Poll the job every second until it ends.
  useEffect(() => {
    if (!job || (phase !== 'queued' && phase !== 'processing')) return;
    const controller = new AbortController();
    pollRef.current = controller;
    let failures = 0;
    const timer = setInterval(async () => {
      try {
        const next = await fetchJob(job.id, controller.signal);
        failures = 0;
        setJob(next);
        if (next.status === 'processing') setPhase('processing');
        if (next.status === 'completed') {
          setPhase('completed');
          setNow(Date.now());
          router.refresh();
        }
        if (next.status === 'failed' || next.status === 'canceled') {
          setFailedAt(next.started_at ? 'processing' : 'queued');
          setPhase('failed');
          setNow(Date.now());
          router.refresh();
          // The refund lands just after the job is marked failed: refresh the balance once more.
          setTimeout(() => router.refresh(), 1500);
        }
      } catch (err) {
        if (controller.signal.aborted) return;
        failures += 1;
        if (failures >= 10) {
          setSubmitError({
            code: 'network_error',
            message: err instanceof Error ? err.message : 'Lost contact with the server.',
          });
        }
      }
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [job, phase, router]);

  const submit = useCallback(async () => {
    if (!person || !top || (mode === 'full' && !bottom)) return;
    setSubmitError(null);
    setJob(null);
    setUploadPercent(0);
    setPhase('uploading');
    setStartedAt(Date.now());
    // On a phone the result panel is below the form: bring the progress into view.
    if (window.matchMedia('(max-width: 1023px)').matches)
      resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    setNow(Date.now());
    const form = new FormData();
    form.set('mode', mode);
    form.set('user_image', person.blob, 'person.jpg');
    form.set('top_image', top.blob, 'top.jpg');
    if (mode === 'full' && bottom) form.set('bottom_image', bottom.blob, 'bottom.jpg');
    try {
      const created = await submitTryon(form, crypto.randomUUID(), setUploadPercent);
      setJob(created);
      setPhase(created.status === 'processing' ? 'processing' : 'queued');
      router.refresh(); // the reserved credits show in the balance at once
    } catch (err) {
      setPhase('form');
      const e =
        err instanceof ApiError
          ? err
          : new ApiError(0, 'error', 'Something went wrong. Try again.');
      setSubmitError({ code: e.code, message: e.message });
      if (e.code === 'insufficient_credits') router.refresh();
    }
  }, [person, top, bottom, mode, router]);

  function reset(keepImages: boolean) {
    pollRef.current?.abort();
    setJob(null);
    setPhase('form');
    setSubmitError(null);
    setStartedAt(null);
    if (!keepImages) {
      for (const img of [person, top, bottom]) if (img) URL.revokeObjectURL(img.url);
      setPerson(null);
      setTop(null);
      setBottom(null);
    }
  }

  const elapsed = startedAt ? now - startedAt : 0;
  const showPreviewLabel = job?.provider ? job.provider === 'local' : localPreview[mode];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card className="flex flex-col gap-6">
        <section aria-labelledby="mode-heading" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="mode-heading" className="text-lg font-semibold text-slate-900">
              1. Choose what to try on
            </h2>
            <p className="text-sm text-slate-700" data-testid="balance">
              Balance: <strong className="tabular-nums">{plural(balance.total, 'credit')}</strong>
              {balance.free > 0 ? (
                <span className="text-slate-600"> ({balance.free} free today)</span>
              ) : null}
            </p>
          </div>
          <ModeSelector value={mode} onChange={setMode} costs={costs} disabled={busy} />
        </section>

        <section aria-labelledby="photos-heading" className="flex flex-col gap-3">
          <h2 id="photos-heading" className="text-lg font-semibold text-slate-900">
            2. Add photos
          </h2>
          <div
            className={
              mode === 'full' ? 'grid grid-cols-2 gap-4 sm:grid-cols-3' : 'grid grid-cols-2 gap-4'
            }
          >
            <ImageDropzone
              name="user_image"
              label="Your photo"
              hint="Standing, facing the camera, good light."
              value={person}
              onChange={setPerson}
              disabled={busy}
            />
            <ImageDropzone
              name="top_image"
              label="Top garment"
              hint="The garment alone, flat or on a hanger."
              value={top}
              onChange={setTop}
              disabled={busy}
            />
            {mode === 'full' ? (
              <ImageDropzone
                name="bottom_image"
                label="Bottom garment"
                hint="Trousers, skirt or shorts."
                value={bottom}
                onChange={setBottom}
                disabled={busy}
              />
            ) : null}
          </div>
          <p className="text-xs text-slate-600">
            JPEG, PNG or WebP, at least 256×256 px. Photos are resized in your browser before
            upload.
          </p>
        </section>

        <div className="flex flex-col gap-2">
          <Button
            size="lg"
            onClick={() => void submit()}
            disabled={disabledReason !== null}
            aria-describedby="submit-reason"
          >
            {busy ? 'Generating…' : `Try it on · ${plural(cost, 'credit')}`}
          </Button>
          <p
            id="submit-reason"
            className="min-h-5 text-sm text-slate-700"
            data-testid="submit-reason"
          >
            {disabledReason && !busy ? disabledReason : null}
            {short && !busy && !missing ? (
              <>
                {' '}
                <Link
                  href="/pricing"
                  className="text-brand-700 font-medium underline underline-offset-2"
                >
                  Buy credits
                </Link>
              </>
            ) : null}
          </p>
          {submitError ? (
            <div
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
              data-testid="submit-error"
            >
              {submitError.message}
              {submitError.code === 'insufficient_credits' ? (
                <>
                  {' '}
                  <Link href="/pricing" className="font-medium underline underline-offset-2">
                    Buy credits
                  </Link>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
      </Card>

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
          ) : null}

          {phase !== 'form' ? (
            <JobProgress
              stage={phase}
              uploadPercent={uploadPercent}
              elapsedMs={elapsed}
              failedAt={failedAt}
            />
          ) : null}

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
                  <a
                    href={`${jobImagePath(job.id)}?download=1`}
                    download={`trailroom-${job.id}.webp`}
                  >
                    Download
                  </a>
                </Button>
                {person ? (
                  <Button variant="secondary" onClick={() => reset(true)}>
                    Try again
                  </Button>
                ) : null}
                <Button variant="ghost" onClick={() => reset(false)}>
                  {person ? 'Start over' : 'New try-on'}
                </Button>
                <Button variant="ghost" asChild>
                  <Link href="/history">{person ? 'History' : 'Compare in History'}</Link>
                </Button>
              </div>
            </div>
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
                  Your {plural(job.credits_used, 'credit')}{' '}
                  {job.credits_used === 1 ? 'was' : 'were'} refunded.
                </p>
              </div>
              <div className="flex flex-wrap gap-3">
                <Button variant="secondary" onClick={() => reset(true)}>
                  Try again
                </Button>
                <Button variant="ghost" onClick={() => reset(false)}>
                  Start over
                </Button>
              </div>
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
