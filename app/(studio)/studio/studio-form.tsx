'use client';

import Link from 'next/link';
import type { PreparedImage } from '@/components/tryon/downscale-image';
import { ImageDropzone } from '@/components/tryon/image-dropzone';
import { ModeSelector } from '@/components/tryon/mode-selector';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { plural } from '@/lib/format';
import type { TryonMode } from '@/lib/tryon/schemas';

type Images = Record<'person' | 'top' | 'bottom', PreparedImage | null>;

/** The left card: the mode, the photos, and the submit button with why it is disabled. */
export function StudioForm({
  balance,
  costs,
  mode,
  onModeChange,
  images,
  setImage,
  busy,
  submitError,
  onSubmit,
}: {
  balance: { free: number; paid: number; total: number };
  costs: Record<TryonMode, number>;
  mode: TryonMode;
  onModeChange: (mode: TryonMode) => void;
  images: Images;
  setImage: Record<keyof Images, (img: PreparedImage | null) => void>;
  busy: boolean;
  submitError: { message: string; code: string } | null;
  onSubmit: () => void;
}) {
  const cost = costs[mode];
  const short = balance.total < cost;
  const missing = !images.person
    ? 'Add a photo of yourself'
    : !images.top
      ? 'Add the top garment'
      : mode === 'full' && !images.bottom
        ? 'Add the bottom garment'
        : null;
  const disabledReason = busy
    ? 'A try-on is in progress'
    : (missing ??
      (short ? `You need ${plural(cost, 'credit')}; you have ${balance.total}.` : null));

  return (
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
        <ModeSelector value={mode} onChange={onModeChange} costs={costs} disabled={busy} />
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
            value={images.person}
            onChange={setImage.person}
            disabled={busy}
          />
          <ImageDropzone
            name="top_image"
            label="Top garment"
            hint="The garment alone, flat or on a hanger."
            value={images.top}
            onChange={setImage.top}
            disabled={busy}
          />
          {mode === 'full' ? (
            <ImageDropzone
              name="bottom_image"
              label="Bottom garment"
              hint="Trousers, skirt or shorts."
              value={images.bottom}
              onChange={setImage.bottom}
              disabled={busy}
            />
          ) : null}
        </div>
        <p className="text-xs text-slate-600">
          JPEG, PNG or WebP, at least 256×256 px. Photos are resized in your browser before upload.
        </p>
      </section>

      <div className="flex flex-col gap-2">
        <Button
          size="lg"
          onClick={onSubmit}
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
  );
}
