'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { StudioStage } from '@/components/tryon/job-progress';
import { saveStudioDraft, takeStudioDraft } from '@/components/tryon/studio-draft';
import { releaseImage, type StudioImage } from '@/components/tryon/studio-image';
import { api } from '@/lib/client/api';
import { ApiError } from '@/lib/client/api-error';
import { submitTryon } from '@/lib/client/tryon';
import { useTryonJob } from '@/lib/client/use-tryon-job';
import type { PhotoRetention, SavedPhotoResponse } from '@/lib/photos/schemas';
import type { TryonJobResponse, TryonMode } from '@/lib/tryon/schemas';
import { loadStudioFormSchema, studioFormSchema } from './form-schema';

/** The result panel's element id (scrolled into view on a phone when a try-on starts). */
export const RESULT_ID = 'studio-result';
export type Phase = 'form' | StudioStage;
export type FailedAt = 'uploading' | 'queued' | 'processing';
export type Slot = 'person' | 'top' | 'bottom';
export type Images = Record<Slot, StudioImage | null>;
export interface StudioInitial {
  mode?: TryonMode;
  images?: Partial<Images>;
}

const FIELD_SLOT: Record<string, string> = {
  user_image: 'Add a photo of yourself',
  top_image: 'Add the top garment',
  bottom_image: 'Add the bottom garment',
};

/** What the studio's form schema (the route's rules) says is missing, or null. */
export function missingReason(mode: TryonMode, images: Images): string | null {
  const part = (img: StudioImage | null) =>
    img ? (img.source === 'file' ? img.blob : img.ref) : undefined;
  const schema = studioFormSchema();
  if (!schema) return 'Getting the studio ready…';
  const parsed = schema.safeParse({
    mode,
    user_image: part(images.person),
    top_image: part(images.top),
    ...(mode === 'full' ? { bottom_image: part(images.bottom) } : {}),
  });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0]);
  if (field === 'top_image' && mode === 'one_piece') return 'Add the dress or jumpsuit';
  return FIELD_SLOT[field] ?? issue?.message ?? 'Check the photos';
}

async function savePersonPhoto(img: StudioImage, retention: PhotoRetention) {
  if (img.source !== 'file') return img;
  const form = new FormData();
  form.set('image', img.blob, 'me.jpg');
  form.set('retention', retention);
  const saved = await api<SavedPhotoResponse>('/api/photos', { form });
  return {
    source: 'ref',
    ref: `asset:${saved.id}`,
    url: img.url,
    label: 'Saved to My photos',
  } as const;
}

/**
 * The studio's state machine: form → uploading → queued → processing →
 * completed | failed, with the chosen photos (files or references), the job
 * (polled until it ends), and the draft kept on the device while buying credits.
 */
export function useStudio(resume: TryonJobResponse | undefined, initial: StudioInitial = {}) {
  const router = useRouter();
  // The form schema loads after mount (./form-schema): re-render once it is there.
  const [, setSchemaReady] = useState(studioFormSchema() !== null);
  useEffect(() => {
    void loadStudioFormSchema().then(() => setSchemaReady(true));
  }, []);
  const [mode, setMode] = useState<TryonMode>(resume?.mode ?? initial.mode ?? 'top');
  /** Results per try-on (1–4): each costs the mode's price. */
  const [samples, setSamples] = useState<number>(resume?.samples ?? 1);
  const [images, setImages] = useState<Images>({
    person: null,
    top: null,
    bottom: null,
    ...initial.images,
  });
  const [save, setSave] = useState<{ on: boolean; retention: PhotoRetention }>({
    on: false,
    retention: '30d',
  });
  const [restored, setRestored] = useState(false);
  const [phase, setPhase] = useState<Phase>(
    resume ? (resume.status === 'processing' ? 'processing' : 'queued') : 'form',
  );
  const [uploadPercent, setUploadPercent] = useState(0);
  const [job, setJob] = useState<TryonJobResponse | null>(resume ?? null);
  const [submitError, setSubmitError] = useState<{ message: string; code: string } | null>(null);
  const resumedAt = resume ? Date.parse(resume.created_at) : null;
  const [startedAt, setStartedAt] = useState<number | null>(resumedAt);
  const [now, setNow] = useState(() => resumedAt ?? Date.now());
  const [failedAt, setFailedAt] = useState<FailedAt>('processing');
  const busy = phase === 'uploading' || phase === 'queued' || phase === 'processing';

  // Back from buying credits: the photos and mode chosen before, as they were.
  useEffect(() => {
    if (resume) return;
    let live = true;
    void takeStudioDraft().then((draft) => {
      if (!live || !draft) return;
      setMode(draft.mode);
      setImages(draft.images);
      setRestored(true);
    });
    return () => {
      live = false;
    };
  }, [resume]);

  useEffect(() => {
    if (!busy) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [busy]);

  useTryonJob(job && (phase === 'queued' || phase === 'processing') ? job.id : null, {
    onUpdate: (next) => {
      setJob(next);
      if (next.status === 'processing') setPhase('processing');
      if (next.status === 'completed' || next.status === 'failed' || next.status === 'canceled') {
        if (next.status !== 'completed') setFailedAt(next.started_at ? 'processing' : 'queued');
        setPhase(next.status === 'completed' ? 'completed' : 'failed');
        setNow(Date.now());
        router.refresh();
        // A refund lands just after the job is marked failed: refresh the balance once more.
        if (next.status !== 'completed') setTimeout(() => router.refresh(), 1500);
      }
    },
    onLost: (err) => setSubmitError({ code: 'network_error', message: err.message }),
  });

  const setImage = (slot: Slot) => (img: StudioImage | null) =>
    setImages((prev) => ({ ...prev, [slot]: img }));

  const submit = useCallback(async () => {
    await loadStudioFormSchema();
    const reason = missingReason(mode, images);
    if (reason) return setSubmitError({ code: 'validation_error', message: reason });
    setSubmitError(null);
    setJob(null);
    setUploadPercent(0);
    setPhase('uploading');
    setStartedAt(Date.now());
    setNow(Date.now());
    // On a phone the result panel is below the form: bring the progress into view.
    if (window.matchMedia('(max-width: 1023px)').matches)
      document.getElementById(RESULT_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    try {
      let person = images.person!;
      if (save.on && person.source === 'file') {
        person = await savePersonPhoto(person, save.retention);
        setImages((prev) => ({ ...prev, person }));
        setSave((s) => ({ ...s, on: false }));
      }
      const form = new FormData();
      form.set('mode', mode);
      if (samples > 1) form.set('samples', String(samples));
      const put = (field: string, img: StudioImage, file: string) =>
        img.source === 'file' ? form.set(field, img.blob, file) : form.set(field, img.ref);
      put('user_image', person, 'person.jpg');
      put('top_image', images.top!, 'top.jpg');
      if (mode === 'full' && images.bottom) put('bottom_image', images.bottom, 'bottom.jpg');
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
  }, [images, mode, samples, save, router]);

  function reset(keepImages: boolean) {
    setJob(null);
    setPhase('form');
    setSubmitError(null);
    setStartedAt(null);
    if (!keepImages) {
      Object.values(images).forEach(releaseImage);
      setImages({ person: null, top: null, bottom: null });
    }
  }

  /** Keeps the current choice on this device, then opens the in-app purchase. */
  async function buyCredits(credits?: number) {
    await saveStudioDraft({ mode, images });
    router.push(`/credits/buy?return_to=studio${credits ? `&credits=${credits}` : ''}`);
  }

  return {
    mode,
    setMode,
    samples,
    setSamples,
    images,
    setImage,
    save,
    setSave,
    restored,
    phase,
    busy,
    job,
    uploadPercent,
    submitError,
    elapsed: startedAt ? now - startedAt : 0,
    failedAt,
    submit,
    reset,
    buyCredits,
  };
}
