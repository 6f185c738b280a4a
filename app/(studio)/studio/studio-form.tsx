'use client';

import Link from 'next/link';
import { ImageDropzone } from '@/components/tryon/image-dropzone';
import { ModeSelector } from '@/components/tryon/mode-selector';
import { SamplesSelector } from '@/components/tryon/samples-selector';
import { PhotoPicker } from '@/components/tryon/photo-picker';
import type { StudioImage } from '@/components/tryon/studio-image';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { plural } from '@/lib/format';
import { findSample } from '@/lib/photos/samples';
import type { TryonMode } from '@/lib/tryon/schemas';
import { StudioCreditBanner, type PackInfo, type RefillInfo } from './studio-credit-banner';
import { SavePhotoOption } from './save-photo-option';
import { missingReason, type Images, type Slot, type useStudio } from './use-studio';

const SLOTS: Array<{ slot: Slot; name: string; label: string; hint: string }> = [
  {
    slot: 'person',
    name: 'user_image',
    label: 'Your photo',
    hint: 'Standing, facing the camera, good light.',
  },
  {
    slot: 'top',
    name: 'top_image',
    label: 'Top garment',
    hint: 'The garment alone, flat or on a hanger.',
  },
  {
    slot: 'bottom',
    name: 'bottom_image',
    label: 'Bottom garment',
    hint: 'Trousers, skirt or shorts.',
  },
];
const SAMPLE_SET: Record<Slot, string> = {
  person: 'person-ada',
  top: 'top-striped-sweater',
  bottom: 'bottom-navy-trousers',
};

const MODE_LABEL: Record<TryonMode, string> = {
  top: 'a top',
  full: 'a full outfit',
  one_piece: 'a one-piece',
};

function sampleImage(id: string): StudioImage {
  const s = findSample(id)!;
  return { source: 'ref', ref: `sample:${s.id}`, url: s.src, label: `Sample: ${s.label}` };
}

/** The left card: the mode, the photos, and the submit button with why it is disabled. */
export function StudioForm({
  s,
  balance,
  costs,
  refill,
  cheapest,
  now,
}: {
  s: ReturnType<typeof useStudio>;
  balance: { free: number; paid: number; total: number };
  costs: Record<TryonMode, number>;
  refill: RefillInfo;
  cheapest: PackInfo;
  now: number;
}) {
  const { mode, images, busy, samples } = s;
  const cost = costs[mode] * samples;
  const short = balance.total < cost;
  const missing = missingReason(mode, images);
  const disabledReason = busy
    ? 'A try-on is in progress'
    : short
      ? `You need ${plural(cost, 'credit')}; you have ${balance.total}.`
      : missing;
  const slots = SLOTS.filter((x) => x.slot !== 'bottom' || mode === 'full').map((x) =>
    x.slot === 'top' && mode === 'one_piece'
      ? { ...x, label: 'Dress or jumpsuit', hint: 'The whole garment, flat or on a hanger.' }
      : x,
  );

  function trySamples() {
    const next: Partial<Images> = {};
    for (const { slot } of slots)
      if (!images[slot])
        next[slot] = sampleImage(
          slot === 'top' && mode === 'one_piece' ? 'dress-sunday-midi' : SAMPLE_SET[slot],
        );
    for (const [slot, img] of Object.entries(next)) s.setImage(slot as Slot)(img);
  }

  return (
    <Card className="flex min-w-0 flex-col gap-6">
      {short && !busy ? (
        <StudioCreditBanner
          need={cost}
          have={balance.total}
          modeLabel={MODE_LABEL[mode] + (samples > 1 ? ` × ${samples} results` : '')}
          refill={refill}
          cheapest={cheapest}
          onBuy={(c) => void s.buyCredits(c)}
          now={now}
        />
      ) : null}
      {s.restored ? (
        <Alert tone="info">Welcome back — your photos and choices are as you left them.</Alert>
      ) : null}
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
        <ModeSelector value={mode} onChange={s.setMode} costs={costs} disabled={busy} />
        <SamplesSelector
          value={samples}
          onChange={s.setSamples}
          unitCost={costs[mode]}
          disabled={busy}
        />
      </section>

      <section aria-labelledby="photos-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="photos-heading" className="text-lg font-semibold text-slate-900">
            2. Add photos
          </h2>
          <Button variant="secondary" className="h-11" onClick={trySamples} disabled={busy}>
            Try with a sample
          </Button>
        </div>
        <div
          className={
            mode === 'full' ? 'grid grid-cols-2 gap-3 sm:grid-cols-3' : 'grid grid-cols-2 gap-3'
          }
        >
          {slots.map((x) => (
            <ImageDropzone
              key={x.slot}
              name={x.name}
              label={x.label}
              hint={x.hint}
              value={images[x.slot]}
              onChange={s.setImage(x.slot)}
              disabled={busy}
            >
              <PhotoPicker
                kind={x.slot}
                slotLabel={x.label}
                onPick={s.setImage(x.slot)}
                disabled={busy}
              />
            </ImageDropzone>
          ))}
        </div>
        {images.person?.source === 'file' && !busy ? (
          <SavePhotoOption value={s.save} onChange={s.setSave} />
        ) : null}
        <p className="text-xs text-slate-600">
          JPEG, PNG or WebP, at least 256×256 px. Photos are resized in your browser before upload.{' '}
          <Link href="/privacy" className="text-brand-700 underline underline-offset-2">
            How we handle your photos
          </Link>
        </p>
      </section>

      <div className="flex flex-col gap-2">
        {short && !busy ? (
          <Button size="lg" onClick={() => void s.buyCredits(cheapest.credits)}>
            Buy credits to try it on
          </Button>
        ) : (
          <Button
            size="lg"
            onClick={() => void s.submit()}
            disabled={disabledReason !== null}
            aria-describedby="submit-reason"
          >
            {busy ? 'Generating…' : `Try it on · ${plural(cost, 'credit')}`}
          </Button>
        )}
        <p
          id="submit-reason"
          className="min-h-5 text-sm text-slate-700"
          data-testid="submit-reason"
        >
          {disabledReason && !busy ? disabledReason : null}
        </p>
        {s.submitError ? (
          <div data-testid="submit-error">
            <Alert className="px-3 py-2">{s.submitError.message}</Alert>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
