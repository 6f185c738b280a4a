'use client';

import { useId } from 'react';
import { cn } from '@/components/ui/cn';
import { plural } from '@/lib/format';

export const SAMPLE_COUNTS = [1, 2, 3, 4] as const;

export interface SamplesSelectorProps {
  value: number;
  onChange: (samples: number) => void;
  /** The chosen mode's cost of one result. */
  unitCost: number;
  disabled?: boolean;
}

/**
 * How many results one try-on makes (1–4), as native radios (arrow keys move and select).
 * Each result costs the mode's price; a result that fails is refunded.
 */
export function SamplesSelector({ value, onChange, unitCost, disabled }: SamplesSelectorProps) {
  const name = useId();
  const hint = useId();
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" disabled={disabled} aria-describedby={hint}>
      <legend className="text-sm font-medium text-slate-900">Results</legend>
      <div className="grid grid-cols-4 gap-2">
        {SAMPLE_COUNTS.map((n) => (
          <label
            key={n}
            className={cn(
              'relative flex min-h-11 cursor-pointer items-center justify-center rounded-lg border bg-white text-sm font-semibold tabular-nums',
              'has-[:focus-visible]:outline-brand-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2',
              'has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60',
              value === n
                ? 'border-brand-700 bg-brand-50 text-brand-800 ring-brand-700 ring-1'
                : 'border-slate-300 text-slate-800 hover:border-slate-400',
            )}
          >
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-label={`${plural(n, 'result')}, ${plural(n * unitCost, 'credit')}`}
              className="absolute inset-0 h-full w-full cursor-pointer opacity-0"
            />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
      <p id={hint} className="text-xs text-slate-600">
        {value > 1
          ? `${value} variations side by side · ${plural(value * unitCost, 'credit')}. A result that fails is refunded.`
          : 'One result. Ask for up to 4 variations to pick the best.'}
      </p>
    </fieldset>
  );
}
