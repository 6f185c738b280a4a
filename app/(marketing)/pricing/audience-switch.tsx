'use client';

import { cn } from '@/components/ui/cn';
import type { Audience } from '@/components/pricing/audience';

const OPTIONS: { value: Audience; label: string; hint: string }[] = [
  { value: 'shopper', label: 'For myself', hint: 'Try-ons in the studio' },
  { value: 'developer', label: 'For my shop or app', hint: 'Try-ons through the API' },
];

/** "Who is this for?" — decides which pack is recommended. Native radios: arrow keys select. */
export function AudienceSwitch({
  value,
  onChange,
}: {
  value: Audience;
  onChange: (a: Audience) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-slate-800">Buying credits</legend>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:inline-grid sm:w-auto">
        {OPTIONS.map((o) => (
          <label
            key={o.value}
            className={cn(
              'relative flex min-h-11 cursor-pointer flex-col justify-center rounded-lg border px-3 py-2 text-sm',
              'has-[:focus-visible]:outline-brand-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2',
              value === o.value
                ? 'border-brand-700 bg-brand-50 text-slate-900'
                : 'border-slate-300 bg-white text-slate-700 hover:border-slate-400',
            )}
          >
            <input
              type="radio"
              name="audience"
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="absolute inset-0 z-10 h-full w-full cursor-pointer opacity-0"
            />
            <span className="font-semibold">{o.label}</span>
            <span className="text-xs text-slate-600">{o.hint}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
