'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { downscaleImage } from '@/components/tryon/downscale-image';
import { JobProgress } from '@/components/tryon/job-progress';
import type { WidgetProductView } from '@/lib/widget/widget-product';
import { postToParent } from './parent-messages';
import { useWidgetTryon } from './use-widget-tryon';

/** The photo travels at most this many pixels on its longest side (the server's own size). */
const MAX_SIDE = 1536;

export interface WidgetDialogProps {
  token: string;
  parentOrigin: string;
  orgName: string;
  retentionHours: number;
  product: WidgetProductView;
  variants: WidgetProductView[];
}

type Step = 'consent' | 'photo' | 'tryon';

const fileButton =
  'inline-flex min-h-11 cursor-pointer items-center justify-center rounded-md px-4 text-sm font-medium peer-focus-visible:ring-2 peer-focus-visible:ring-brand-700 peer-focus-visible:ring-offset-2';

export function WidgetDialog(props: WidgetDialogProps) {
  const { token, parentOrigin, orgName, retentionHours, variants } = props;
  const [step, setStep] = useState<Step>('consent');
  const [product, setProduct] = useState<WidgetProductView>(props.product);
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const { stage, job, failure, startedAt, submit, reset } = useWidgetTryon(token);
  const heading = useRef<HTMLHeadingElement>(null);
  const announced = useRef<string | null>(null);

  const close = useCallback(
    () => postToParent([parentOrigin], { type: 'trailroom:close' }),
    [parentOrigin],
  );

  useEffect(() => {
    postToParent([parentOrigin], { type: 'trailroom:ready' });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') postToParent([parentOrigin], { type: 'trailroom:close' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [parentOrigin]);

  // Each step starts at its heading, for keyboard and screen-reader users.
  useEffect(() => {
    heading.current?.focus();
  }, [step, stage === 'completed', stage === 'failed']); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (stage !== 'queued' && stage !== 'processing' && stage !== 'uploading') return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [stage]);

  useEffect(() => {
    if (stage === 'completed' && job && announced.current !== job.id) {
      announced.current = job.id;
      postToParent([parentOrigin], {
        type: 'trailroom:completed',
        job_id: job.id,
        sku: job.sku ?? product.sku,
      });
    }
  }, [stage, job, parentOrigin, product.sku]);

  useEffect(
    () => () => {
      if (photo) URL.revokeObjectURL(photo.url);
    },
    [photo],
  );

  async function onPick(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setPhotoError(null);
    setPreparing(true);
    try {
      const prepared = await downscaleImage(file, MAX_SIDE);
      setPhoto({ blob: prepared.blob, url: prepared.url });
    } catch (err) {
      setPhotoError(err instanceof Error ? err.message : 'This photo could not be read.');
    } finally {
      setPreparing(false);
    }
  }

  function tryOn(target: WidgetProductView) {
    if (!photo) return;
    setProduct(target);
    setStep('tryon');
    void submit(target.sku, photo.blob);
  }

  function anotherPhoto() {
    reset();
    setPhoto(null);
    setStep('photo');
  }

  const imageSrc = job?.image_path ? `${job.image_path}?token=${encodeURIComponent(token)}` : null;
  const title =
    step === 'consent'
      ? `Try on ${product.name}`
      : step === 'photo'
        ? 'Add a photo of yourself'
        : stage === 'completed'
          ? 'Your try-on'
          : stage === 'failed'
            ? failure?.code === 'widget_quota_exceeded'
              ? 'No more try-ons today'
              : 'The try-on did not work'
            : 'Creating your try-on';

  return (
    <div className="flex flex-1 flex-col gap-4 p-4 sm:p-6">
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">
            {orgName} · virtual fitting room
          </p>
          <h1
            ref={heading}
            tabIndex={-1}
            className="mt-1 text-lg font-semibold break-words outline-none sm:text-xl"
          >
            {title}
          </h1>
        </div>
        <Button
          variant="ghost"
          aria-label="Close try-on"
          className="h-11 w-11 shrink-0 p-0 text-xl"
          onClick={close}
        >
          <span aria-hidden="true">×</span>
        </Button>
      </header>

      {step === 'consent' && (
        <section aria-label="Before you start" className="flex flex-col gap-4">
          <div className="flex gap-4">
            {product.image_url && (
              // eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived link
              <img
                src={product.image_url}
                alt={product.name}
                className="h-28 w-24 shrink-0 rounded-md border border-slate-200 object-cover"
              />
            )}
            <ul className="flex list-disc flex-col gap-2 pl-5 text-sm text-slate-700">
              <li>See {product.name} on you from one photo of yourself.</li>
              <li>
                Your photo is used only to make this picture for {orgName}, and is{' '}
                <strong>deleted within {retentionHours} hours</strong>.
              </li>
              <li>Nothing is posted or shared. Use a photo of yourself only.</li>
            </ul>
          </div>
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => setStep('photo')}>Agree and continue</Button>
            <Button variant="secondary" onClick={close}>
              Not now
            </Button>
          </div>
        </section>
      )}

      {step === 'photo' && (
        <section aria-label="Your photo" className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            A well-lit photo facing the camera, upper body or full body, works best. It is made
            smaller on your device before it is sent.
          </p>
          {photo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local preview (blob:)
            <img
              src={photo.url}
              alt="Your photo"
              className="max-h-72 w-auto self-start rounded-md border border-slate-200 object-contain"
            />
          ) : null}
          {preparing && (
            <p role="status" className="text-sm text-slate-700">
              Preparing your photo…
            </p>
          )}
          {photoError && <Alert>{photoError}</Alert>}
          <div className="flex flex-wrap gap-3">
            <div>
              <input
                id="widget-photo-camera"
                type="file"
                accept="image/*"
                capture="user"
                className="peer sr-only"
                onChange={onPick}
              />
              <label
                htmlFor="widget-photo-camera"
                className={cn(fileButton, 'border border-slate-300 bg-white hover:bg-slate-50')}
              >
                Take a photo
              </label>
            </div>
            <div>
              <input
                id="widget-photo-upload"
                type="file"
                accept="image/jpeg,image/png,image/webp,image/heic"
                className="peer sr-only"
                onChange={onPick}
              />
              <label
                htmlFor="widget-photo-upload"
                className={cn(fileButton, 'border border-slate-300 bg-white hover:bg-slate-50')}
              >
                {photo ? 'Choose another photo' : 'Upload a photo'}
              </label>
            </div>
          </div>
          <div className="flex flex-wrap gap-3">
            <Button size="lg" disabled={!photo || preparing} onClick={() => tryOn(product)}>
              Try it on
            </Button>
          </div>
        </section>
      )}

      {step === 'tryon' && (
        <section
          aria-label="Try-on"
          className="flex flex-col gap-4"
          aria-busy={stage !== 'completed' && stage !== 'failed'}
        >
          {stage !== 'completed' && stage !== 'failed' && stage !== 'idle' && (
            <div role="status" aria-live="polite">
              <JobProgress
                stage={stage}
                uploadPercent={stage === 'uploading' ? 50 : 100}
                elapsedMs={startedAt ? now - startedAt : 0}
              />
            </div>
          )}
          {stage === 'failed' && failure && (
            <>
              <Alert>{failure.message}</Alert>
              <div className="flex flex-wrap gap-3">
                {failure.code !== 'widget_quota_exceeded' && (
                  <Button onClick={anotherPhoto}>Try another photo</Button>
                )}
                <Button variant="secondary" onClick={close}>
                  Close
                </Button>
              </div>
            </>
          )}
          {stage === 'completed' && imageSrc && (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- a private, token-checked image */}
              <img
                src={imageSrc}
                alt={`You wearing ${product.name}`}
                className="max-h-[60vh] w-full rounded-md border border-slate-200 object-contain"
              />
              <div className="flex flex-wrap gap-3">
                <Button asChild>
                  <a href={`${imageSrc}&download=1`} download>
                    Download
                  </a>
                </Button>
                <Button variant="secondary" onClick={anotherPhoto}>
                  Try another photo
                </Button>
                <Button variant="secondary" onClick={close}>
                  Done
                </Button>
              </div>
              {variants.length > 0 && (
                <nav aria-labelledby="widget-variants-title" className="flex flex-col gap-2">
                  <h2 id="widget-variants-title" className="text-sm font-semibold">
                    Try another size or colour
                  </h2>
                  <ul className="flex flex-wrap gap-2">
                    {[props.product, ...variants]
                      .filter((v) => v.sku !== product.sku)
                      .map((v) => (
                        <li key={v.sku}>
                          <Button variant="secondary" onClick={() => tryOn(v)}>
                            {v.name}
                          </Button>
                        </li>
                      ))}
                  </ul>
                </nav>
              )}
            </>
          )}
        </section>
      )}
      <p className="mt-auto text-xs text-slate-600">
        Powered by TrailRoom. Your photo is deleted within {retentionHours} hours.
      </p>
    </div>
  );
}
