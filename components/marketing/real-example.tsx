import { getImageProps } from 'next/image';
import adaAfter from '@/public/examples/ada-blue-tee-after.webp';
import adaBefore from '@/public/examples/ada-blue-tee-before.webp';
import adaGarment from '@/public/examples/ada-blue-tee-garment.webp';

/**
 * The landing's before/after: a real output of the product's own pipeline
 * (the local preview compositor over a CC0 sample photo, made by
 * scripts/generate-examples.ts), labelled for what it is.
 */
// getImageProps: the optimised srcset of next/image on a plain <img>, with no
// client component (the landing ships no image JavaScript).
const shot = (src: typeof adaBefore, alt: string, preload: boolean) =>
  getImageProps({ src, alt, sizes: '(min-width: 1024px) 190px, 45vw', preload }).props;

export function RealExample() {
  const before = shot(adaBefore, 'Sample photo: a person in a plain light top', true);
  const after = shot(adaAfter, 'The same photo with the blue T-shirt composited on', true);
  const garment = getImageProps({
    src: adaGarment,
    alt: 'The garment: a blue T-shirt',
    width: 56,
    height: 56,
  }).props;
  return (
    <figure className="mx-auto w-full max-w-sm">
      <div className="grid grid-cols-2 gap-3">
        <div className="relative overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
          {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's props, alt included */}
          <img {...before} className="h-auto w-full" />
          <span className="absolute top-2 left-2 rounded-full bg-white/90 px-2 py-0.5 text-xs font-semibold text-slate-900">
            Before
          </span>
        </div>
        <div className="relative overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
          {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's props, alt included */}
          <img {...after} className="h-auto w-full" />
          <span className="bg-brand-700 absolute top-2 left-2 rounded-full px-2 py-0.5 text-xs font-semibold text-white">
            After
          </span>
          {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's props, alt included */}
          <img
            {...garment}
            className="absolute right-2 bottom-2 rounded-lg border border-slate-200 bg-white"
          />
        </div>
      </div>
      <figcaption className="mt-3 text-center text-xs text-slate-600">
        Made by TrailRoom’s preview compositor from a sample photo. Real results come from the
        configured image model.
      </figcaption>
    </figure>
  );
}
