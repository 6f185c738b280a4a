import type { WardrobeImages } from '@/lib/tryon';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { assetSrc } from '../labels';

/** The garment photo(s) the try-on used, as small thumbnails, or why they are gone. */
export function GarmentList({ job, images }: { job: TryonJobResponse; images: WardrobeImages }) {
  const slots = [
    {
      key: 'top',
      label:
        job.mode === 'full'
          ? 'Top'
          : job.mode === 'one_piece'
            ? 'Dress or jumpsuit'
            : 'Top garment',
      id: images.top,
    },
    ...(job.mode === 'full' ? [{ key: 'bottom', label: 'Bottom', id: images.bottom }] : []),
  ];
  return (
    <ul className="mt-3 grid grid-cols-2 gap-3" data-testid="garments">
      {slots.map((s) => (
        <li key={s.key} className="flex flex-col gap-1.5">
          <div className="aspect-square overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
            {s.id ? (
              // eslint-disable-next-line @next/next/no-img-element -- owner-only image from the API
              <img
                src={assetSrc(s.id, 320)}
                alt={`${s.label} photo used for this try-on`}
                loading="lazy"
                decoding="async"
                width={320}
                height={320}
                className="h-full w-full object-contain"
              />
            ) : (
              <p className="flex h-full items-center justify-center p-3 text-center text-xs text-slate-600">
                Photo deleted after the retention period
              </p>
            )}
          </div>
          <p className="text-sm font-medium text-slate-800">{s.label}</p>
        </li>
      ))}
    </ul>
  );
}
