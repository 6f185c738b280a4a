'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from '@/components/ui/dialog';
import { api, useApiAction } from '@/lib/client';
import { formatDate } from '@/lib/format';
import { SAMPLES, type SampleKind } from '@/lib/photos/samples';
import type { SavedPhotoListResponse } from '@/lib/photos/schemas';
import type { StudioImage } from './studio-image';

const optionClass =
  'flex min-h-11 w-full flex-col items-center gap-1 rounded-lg border border-slate-200 bg-white p-2 text-xs font-medium text-slate-800 hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700';

/**
 * "Use a saved photo or a sample" for one studio slot: the shopper's saved
 * photos (person slot only, loaded when the dialog opens) and the shipped
 * samples of that kind. A pick fills the slot with a reference, not a file.
 */
export function PhotoPicker({
  kind,
  slotLabel,
  onPick,
  disabled,
}: {
  kind: SampleKind;
  slotLabel: string;
  onPick: (image: StudioImage) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const saved = useApiAction(() => api<SavedPhotoListResponse>('/api/photos'), {
    fallback: 'Could not load your photos.',
  });
  const samples = SAMPLES.filter((s) => s.kind === kind);
  const withSaved = kind === 'person';

  function pick(image: StudioImage) {
    onPick(image);
    setOpen(false);
  }

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next && withSaved) void saved.run();
      }}
    >
      <DialogTrigger asChild>
        <button
          type="button"
          disabled={disabled}
          className="text-brand-700 inline-flex min-h-11 items-center text-left text-sm font-medium underline underline-offset-2 disabled:text-slate-500"
        >
          {withSaved ? 'My photos or a sample' : 'Use a sample'}
          <span className="sr-only"> for {slotLabel}</span>
        </button>
      </DialogTrigger>
      <DialogContent
        title={`${slotLabel}: ${withSaved ? 'a saved photo or a sample' : 'a sample'}`}
        description="Nothing is uploaded from your device for these."
      >
        {withSaved ? (
          <section aria-labelledby="picker-saved" className="mt-4">
            <div className="flex items-baseline justify-between gap-2">
              <h3 id="picker-saved" className="text-sm font-semibold text-slate-900">
                My photos
              </h3>
              <Link
                href="/studio/photos"
                className="text-brand-700 text-sm underline underline-offset-2"
              >
                Manage
              </Link>
            </div>
            {saved.pending && !saved.result ? (
              <p className="mt-2 text-sm text-slate-600" role="status">
                Loading your photos…
              </p>
            ) : saved.error ? (
              <Alert className="mt-2">{saved.error}</Alert>
            ) : saved.result && saved.result.data.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">
                No saved photos yet. Tick “Save this photo” when you add one.
              </p>
            ) : (
              <ul className="mt-2 grid grid-cols-3 gap-2">
                {saved.result?.data.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className={optionClass}
                      data-testid="saved-photo-option"
                      onClick={() =>
                        pick({
                          source: 'ref',
                          ref: `asset:${p.id}`,
                          url: p.image_url,
                          label: 'From My photos',
                        })
                      }
                    >
                      {/* eslint-disable-next-line @next/next/no-img-element -- the owner's asset */}
                      <img src={p.image_url} alt="" className="aspect-[3/4] w-full object-cover" />
                      <span className="sr-only">Saved photo from </span>
                      {formatDate(p.created_at)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
        <section aria-labelledby="picker-samples" className="mt-4">
          <h3 id="picker-samples" className="text-sm font-semibold text-slate-900">
            Samples
          </h3>
          <ul className="mt-2 grid grid-cols-3 gap-2">
            {samples.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={optionClass}
                  onClick={() =>
                    pick({
                      source: 'ref',
                      ref: `sample:${s.id}`,
                      url: s.src,
                      label: `Sample: ${s.label}`,
                    })
                  }
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- a small static sample */}
                  <img src={s.src} alt="" className="aspect-square w-full object-contain" />
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <div className="mt-4 flex justify-end">
          <DialogClose asChild>
            <button type="button" className="min-h-11 rounded-md px-4 text-sm text-slate-700">
              Cancel
            </button>
          </DialogClose>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
