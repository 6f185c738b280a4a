'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreparedImage } from '@/components/tryon/downscale-image';
import type { StudioStage } from '@/components/tryon/job-progress';
import { ApiError } from '@/lib/client/api-error';
import { submitTryon } from '@/lib/client/tryon';
import { useTryonJob } from '@/lib/client/use-tryon-job';
import type { TryonJobResponse, TryonMode } from '@/lib/tryon/schemas';

export type Phase = 'form' | StudioStage;
export type FailedAt = 'uploading' | 'queued' | 'processing';

/**
 * The studio's state machine: form → uploading → queued → processing →
 * completed | failed, with the chosen images, the job (polled until it
 * ends) and an elapsed-time clock while it runs.
 */
export function useStudio(resume: TryonJobResponse | undefined) {
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
  const [failedAt, setFailedAt] = useState<FailedAt>('processing');
  const resultRef = useRef<HTMLDivElement>(null);

  const busy = phase === 'uploading' || phase === 'queued' || phase === 'processing';

  // Elapsed-time ticker while a job runs.
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [busy]);

  // Follow the job until it ends.
  useTryonJob(job && (phase === 'queued' || phase === 'processing') ? job.id : null, {
    onUpdate: (next) => {
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
    },
    onLost: (err) => setSubmitError({ code: 'network_error', message: err.message }),
  });

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

  return {
    mode,
    setMode,
    images: { person, top, bottom },
    setImage: { person: setPerson, top: setTop, bottom: setBottom },
    phase,
    busy,
    job,
    uploadPercent,
    submitError,
    elapsed: startedAt ? now - startedAt : 0,
    failedAt,
    resultRef,
    submit,
    reset,
  };
}
