'use client';

import { useId } from 'react';
import { Price } from '@/components/price';
import { cn } from '@/components/ui/cn';
import { formatCount } from '@/lib/format';
import type { PresetPack } from '@/lib/pricing';
import { recommendedCredits, recommendedLabel, tryonsFor, type Audience } from './audience';

export interface PackPickerProps {
  /** The preset packs, priced on the server (lib/pricing presetPacks()). */
  packs: PresetPack[];
  /** The selected amount in credits; a custom amount selects no pack. */
  value: number;
  onChange: (credits: number) => void;
  /** Whose pack gets the "best for" badge. */
  audience: Audience;
  /** The group's visible name. */
  legend?: string;
  className?: string;
}

const pct = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 1)}%`;

/**
 * The preset packs as one radio group of native radio inputs (Tab enters the
 * group, arrow keys move and select), each card saying what the pack means in
 * try-ons. Reused by the pricing page and the in-app purchase sheet.
 */
export function PackPicker({
  packs,
  value,
  onChange,
  audience,
  legend = 'Credit packs',
  className,
}: PackPickerProps) {
  const name = useId();
  const best = recommendedCredits(audience);
  return (
    <fieldset className={cn('min-w-0', className)}>
      <legend className="text-xl font-semibold text-slate-900">{legend}</legend>
      <div className="mt-4 grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 sm:gap-4 lg:grid-cols-3">
        {packs.map((p) => {
          const selected = p.credits === value;
          const t = tryonsFor(p.credits);
          return (
            <label
              key={p.credits}
              className={cn(
                'relative block cursor-pointer rounded-xl border p-4 pt-5 transition-colors sm:p-5',
                'has-[:focus-visible]:outline-brand-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2',
                selected
                  ? 'border-brand-700 bg-brand-50 ring-brand-700 ring-2'
                  : 'border-slate-200 bg-white hover:border-slate-400',
              )}
            >
              <input
                type="radio"
                name={name}
                value={p.credits}
                checked={selected}
                onChange={() => onChange(p.credits)}
                className="absolute inset-0 z-10 h-full w-full cursor-pointer opacity-0"
                data-testid="pack-radio"
              />
              <span className="block text-lg font-semibold text-slate-900">
                {formatCount(p.credits)} credits
              </span>
              <span className="mt-1 block text-2xl font-bold text-slate-900">
                <Price cents={p.totalCents} currency={p.currency} />
              </span>
              <span className="mt-1 block text-sm text-slate-700">
                {formatCount(t.tops)} tops or {formatCount(t.outfits)} outfits
              </span>
              <span className="mt-1 block text-sm text-slate-700">
                <Price cents={p.totalCents} perUnit={p.credits} currency={p.currency} /> per credit{' '}
                {p.discountBps > 0 && (
                  <span className="ml-1 font-medium text-emerald-800">
                    save {pct(p.discountBps)}
                  </span>
                )}
              </span>
              {p.credits === best && (
                <span className="bg-brand-700 absolute -top-3 left-4 rounded-full px-2.5 py-0.5 text-xs font-semibold text-white">
                  {recommendedLabel(audience)}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
